using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace TaskChat.Web.Assistant.Offline;

/// <summary>
/// The one place the offline assistant learns what day it is for the user: every "tomorrow",
/// "Friday" and "what's due today" is computed from this date. The turn tells every assistant
/// the user's today in the system prompt (see <see cref="AssistantPrompt.TodayLine"/>), so the
/// offline one reads it there like a model would; without that line (a bare pipeline in a test)
/// it is today in UTC by the injected clock.
/// </summary>
public sealed partial class OfflineToday(TimeProvider time)
{
    public DateOnly For(IReadOnlyList<ChatMessage> history)
    {
        foreach (var message in history.Where(m => m.Role == ChatRole.System))
        {
            var match = TodayLine().Match(message.Text);
            if (match.Success && DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var today))
            {
                return today;
            }
        }

        return DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
    }

    [GeneratedRegex(@"Today is \w+ (?<date>\d{4}-\d{2}-\d{2}) in the user's time zone")]
    private static partial Regex TodayLine();
}
