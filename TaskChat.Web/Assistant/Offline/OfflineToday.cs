using Microsoft.Extensions.AI;

namespace TaskChat.Web.Assistant.Offline;

/// <summary>
/// The one place the offline assistant learns what day it is for the user: every "tomorrow",
/// "Friday" and "what's due today" is computed from this date.
/// </summary>
public sealed class OfflineToday(TimeProvider time)
{
    public DateOnly For(IReadOnlyList<ChatMessage> history, ChatOptions? options) =>
        DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
