using TaskChat.Web.Identity;

namespace TaskChat.Web.Tasks;

/// <summary>"Today" for one user: the calendar day it is now in their own time zone, never the server's.</summary>
public sealed record UserToday(DateOnly Today, string TimeZone)
{
    public static UserToday At(DateTimeOffset now, string? timeZone)
    {
        var zone = TimeZones.Find(timeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return new UserToday(DateOnly.FromDateTime(local.DateTime), zone.HasIanaId ? zone.Id : TimeZones.Utc);
    }

    public bool Matches(DueWindow window, TaskItem task) => task.DueDate is { } due && window switch
    {
        DueWindow.Today => due == Today,
        DueWindow.Overdue => due < Today && !task.IsCompleted,
        DueWindow.Upcoming => due > Today && due <= Today.AddDays(TaskRules.UpcomingDays),
        _ => false,
    };
}
