
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

    /// <summary>The most tasks one call may complete or delete at once.</summary>
    public const int MaxNumbersPerCall = 50;

    /// <summary>How long a deleted task can still be restored (Undo) before it is removed for good.</summary>
    public static readonly TimeSpan RestoreWindow = TimeSpan.FromMinutes(10);
}
