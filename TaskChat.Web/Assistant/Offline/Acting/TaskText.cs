using System.Globalization;
using System.Text;

namespace TaskChat.Web.Assistant.Offline.Acting;

/// <summary>How the offline assistant writes tasks and dates: "task 3, “Call mom”", "due tomorrow", "Fri 4 Dec".</summary>
public static class TaskText
{
    public static string Quote(string text) => $"“{text}”";

    public static string Named(SeenTask task) => $"task {task.Number}, {Quote(task.Title)}";

    /// <summary>"today", "tomorrow", "yesterday", "Friday" within the week ahead, else "Fri 4 Dec" (with the year when it differs).</summary>
    public static string Day(DateOnly date, DateOnly today)
    {
        var days = date.DayNumber - today.DayNumber;
        return days switch
        {
            0 => "today",
            1 => "tomorrow",
            -1 => "yesterday",
            > 1 and < 7 => date.ToString("dddd", CultureInfo.InvariantCulture),
            _ when date.Year == today.Year => date.ToString("ddd d MMM", CultureInfo.InvariantCulture),
            _ => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>"due Friday, high priority, on Work": what a line says about a task besides its title.</summary>
    public static string Details(SeenTask task, DateOnly today)
    {
        var parts = new List<string>();
        if (task.DueDate is { } due)
        {
            parts.Add(!task.IsCompleted && due < today ? $"overdue since {Day(due, today)}" : $"due {Day(due, today)}");
        }

        if (task.Priority is "high" or "low")
        {
            parts.Add($"{task.Priority} priority");
        }

        if (task.List is { } list)
        {
            parts.Add($"on the {list} list");
        }

        return string.Join(", ", parts);
    }

    /// <summary>
    /// A bulleted list, not a numbered one: Markdown renumbers ordered lists from their first
    /// item, which would show task numbers with gaps (1, 3, 4) as 1, 2, 3.
    /// </summary>
    public static string Bullets(IEnumerable<SeenTask> tasks, DateOnly today)
    {
        var text = new StringBuilder();
        foreach (var task in tasks)
        {
            text.Append("- ").Append(task.IsCompleted ? "✓" : "☐").Append(' ').Append(task.Number).Append(". ").Append(task.Title);
            var details = Details(task, today);
            if (details.Length > 0)
            {
                text.Append(" (").Append(details).Append(')');
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>"task 1, “A”, and task 3, “B”".</summary>
    public static string Join(IReadOnlyList<SeenTask> tasks) => tasks.Count switch
    {
        0 => "",
        1 => Named(tasks[0]),
        _ => string.Join(", ", tasks.Take(tasks.Count - 1).Select(Named)) + " and " + Named(tasks[^1]),
    };
}
