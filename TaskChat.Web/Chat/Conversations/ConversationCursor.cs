using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace TaskChat.Web.Chat.Conversations;

/// <summary>
/// Where a page of the conversation list ends: the last conversation's place in the order
/// (pinned first, then most recently updated, then id). Opaque to clients: base64url text.
/// </summary>
public sealed record ConversationCursor(bool IsPinned, DateTime UpdatedAt, Guid Id)
{
    public string Encode() =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(
            string.Join('|', IsPinned ? "1" : "0", UpdatedAt.Ticks.ToString(CultureInfo.InvariantCulture), Id.ToString("N"))));

    public static bool TryDecode(string? text, out ConversationCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(text)).Split('|');
            if (parts.Length == 3 && parts[0] is "0" or "1"
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks is >= 0 and <= 3155378975999999999 && Guid.TryParseExact(parts[2], "N", out var id))
            {
                cursor = new ConversationCursor(parts[0] == "1", new DateTime(ticks, DateTimeKind.Utc), id);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
