namespace TaskChat.Web.Tasks;

public enum DueWindow
{
    /// <summary>Due today, in the owner's time zone.</summary>
    Today,

    /// <summary>Due before today and still open.</summary>
    Overdue,

    /// <summary>Due after today, within <see cref="TaskRules.UpcomingDays"/> days.</summary>
    Upcoming,
}

/// <summary>Which of a user's tasks to list; every part is optional and they combine.</summary>
public sealed record TaskFilter(bool? Completed = null, string? List = null, DueWindow? Due = null)
{
    public static readonly TaskFilter All = new();

    /// <summary>Reads the query's text forms (<c>status=open|done</c>, <c>list=</c>, <c>due=today|overdue|upcoming</c>).</summary>
    public static Dictionary<string, string[]> TryParse(string? status, string? list, string? due, out TaskFilter filter)
    {
        var errors = new Dictionary<string, string[]>();
        bool? completed = null;
        if (!string.IsNullOrWhiteSpace(status) && !TryParseStatus(status, out completed))
        {
            errors["status"] = ["The status filter must be open, done or all."];
        }

        DueWindow? window = null;
        if (!string.IsNullOrWhiteSpace(due))
        {
            window = ParseDue(due);
            if (window is null)
            {
                errors["due"] = ["The due filter must be today, overdue or upcoming."];
            }
        }

        string? name = null;
        if (list is not null)
        {
            name = list.Trim();
            if (name.Length is 0 or > TaskRules.ListMaxLength)
            {
                errors["list"] = [$"A list name must be 1 to {TaskRules.ListMaxLength} characters."];
            }
        }

        filter = new TaskFilter(completed, name, window);
        return errors;
    }

    public static bool TryParseStatus(string status, out bool? completed)
    {
        completed = null;
        switch (status.Trim().ToLowerInvariant())
        {
            case "all":
                return true;
            case "open":
                completed = false;
                return true;
            case "done":
                completed = true;
                return true;
            default:
                return false;
        }
    }

    public static DueWindow? ParseDue(string due) => due.Trim().ToLowerInvariant() switch
    {
        "today" => DueWindow.Today,
        "overdue" => DueWindow.Overdue,
        "upcoming" => DueWindow.Upcoming,
        _ => null,
    };
}
