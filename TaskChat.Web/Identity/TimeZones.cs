using System.Text.RegularExpressions;

namespace TaskChat.Web.Identity;

/// <summary>
/// The users' time zones, as IANA ids ("Europe/Paris"). .NET reads them from the system's tz
/// database on Linux; an id that database does not know is refused rather than guessed.
/// </summary>
public static partial class TimeZones
{
    public const string Utc = "UTC";
    public const int MaxLength = 64;

    /// <summary>An IANA id this server can use. Windows names ("Pacific Standard Time") are not IANA ids and are refused.</summary>
    public static bool IsKnown(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxLength || !IanaShape().IsMatch(id))
        {
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;
    }

    /// <summary>The zone for a stored id; UTC if the system no longer knows it, so a page never fails over it.</summary>
    public static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>Letters, digits and <c>_+-</c> in up to three slash-separated parts, never a path such as "../".</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9][A-Za-z0-9_+\-]*){0,2}$")]
    private static partial Regex IanaShape();
}
