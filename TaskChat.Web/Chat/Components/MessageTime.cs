using System.Globalization;

namespace TaskChat.Web.Chat.Components;

/// <summary>
/// When a message was written, in the user's own zone: the hover text of its time. The page's
/// script writes the same from the element's <c>datetime</c> in the same zone, for live messages.
/// </summary>
public static class MessageTime
{
    public static string Describe(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone)
            .ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public static string Iso(DateTime utc) => utc.ToString("O", CultureInfo.InvariantCulture);
}
