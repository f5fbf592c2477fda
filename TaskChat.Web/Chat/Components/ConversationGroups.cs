using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Web.Chat.Components;

/// <summary>
/// The sidebar's headings: pinned conversations first, then by when each was last updated,
/// counted in calendar days of the user's own zone (what "yesterday" means to them).
/// </summary>
public static class ConversationGroups
{
    public static (string Key, string Label) Of(ConversationDto conversation, TimeZoneInfo zone, DateOnly today)
    {
        if (conversation.IsPinned)
        {
            return ("pinned", "Pinned");
        }

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(conversation.UpdatedAt, DateTimeKind.Utc), zone));
        var daysAgo = today.DayNumber - day.DayNumber;
        return daysAgo switch
        {
            <= 0 => ("today", "Today"),
            1 => ("yesterday", "Yesterday"),
            <= 7 => ("previous-7-days", "Previous 7 days"),
            _ => ("older", "Older"),
        };
    }
}
