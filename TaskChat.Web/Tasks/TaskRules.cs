
namespace TaskChat.Web.Tasks;

public static class TaskRules
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int ListMaxLength = 50;

    /// <summary>The wire form of a due date.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>"Upcoming" is the days after today, up to and including this many days ahead.</summary>
    public const int UpcomingDays = 7;

    /// <summary>
    /// The most tasks one listing shows the assistant (and so the user, in a reply): 1,000 tasks
    /// would be a reply of minutes and a tool result no model context holds. The rest is counted.
    /// </summary>
    public const int ListedAtMost = 50;

    /// <summary>The most tasks one call may complete or delete at once.</summary>
    public const int MaxNumbersPerCall = 50;

    /// <summary>How long a deleted task can still be restored (Undo) before it is removed for good.</summary>
    public static readonly TimeSpan RestoreWindow = TimeSpan.FromMinutes(10);
}
