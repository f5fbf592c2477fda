using TaskChat.Web.Assistant.Offline.Understanding;

namespace TaskChat.Web.Assistant.Offline.Acting;

/// <summary>What the offline assistant says about what its tools did; the tools' own messages are written for a model.</summary>
public static class ResultReplies
{
    public static string ForChanges(AssistantRequest request, IReadOnlyList<SeenResult> results, DateOnly today)
    {
        var changes = results.Where(r => OfflineTools.Changes.Contains(r.Name)).ToList();
        var failed = changes.Where(r => r.Status == ToolStatus.Failed).Select(r => Readable(r.Message)).Distinct().ToList();
        var done = changes.Where(r => r.Status != ToolStatus.Failed).ToList();

        var parts = new List<string>();
        var added = done.Where(r => r.Name == OfflineTools.AddTask).SelectMany(r => r.AllTasks).ToList();
        if (added.Count > 0)
        {
            parts.Add(Added(added, today));
        }

        foreach (var result in done.Where(r => r.Name != OfflineTools.AddTask))
        {
            parts.Add(Changed(result, today));
        }

        parts.AddRange(failed);
        return string.Join("\n\n", parts.Where(p => p.Length > 0).Distinct());
    }

    public static string Answer(bool count, ListQuery query, SeenResult listed, DateOnly today)
    {
        if (listed.Status == ToolStatus.Failed)
        {
            return Readable(listed.Message);
        }

        var tasks = listed.Tasks.Where(t => Fits(query, t, today)).ToList();
        var what = Describe(query, today);
        if (listed.More > 0)
        {
            return Partial(tasks, listed, what, today);
        }

        if (tasks.Count == 0)
        {
            return $"You have no {what}.";
        }

        var heading = count || tasks.Count == 1
            ? $"You have {tasks.Count} {(tasks.Count == 1 ? Singular(what) : what)}:"
            : $"Here {(tasks.Count == 1 ? "is" : "are")} your {what}:";
        return heading + "\n\n" + TaskText.Bullets(tasks, today);
    }

    /// <summary>
    /// The listing was cut (<see cref="Tasks.TaskRules.ListedAtMost"/>): what it showed, and how
    /// to get at the rest, rather than a count that would be wrong.
    /// </summary>
    private static string Partial(IReadOnlyList<SeenTask> tasks, SeenResult listed, string what, DateOnly today)
    {
        var first = $"your first {listed.Tasks.Count} tasks (open ones first, soonest due first)";
        var rest = $"{listed.More:N0} more; ask for a list, a date or a word to see others.";
        return tasks.Count == 0
            ? $"I found no {what} among {first}, and you have {rest}"
            : (what == "tasks" ? $"Here are {first}:" : $"Here are the {what} among {first}:") +
                $"\n\n{TaskText.Bullets(tasks, today)}\n\n…and {rest}";
    }

    private static bool Fits(ListQuery query, SeenTask task, DateOnly today) =>
        (query.Status != "open" || !task.IsCompleted)
        && (query.Status != "done" || task.IsCompleted)
        && (!query.Overdue || (task.DueDate is { } due && due < today && !task.IsCompleted))
        && (query.From is null || (task.DueDate is { } from && from >= query.From))
        && (query.To is null || (task.DueDate is { } to && to <= query.To))
        && (query.Priority is null || task.Priority == query.Priority)
        && (query.List is null || string.Equals(task.List, query.List, StringComparison.OrdinalIgnoreCase));

    /// <summary>"open tasks", "tasks due tomorrow", "high priority tasks on your Work list".</summary>
    private static string Describe(ListQuery query, DateOnly today)
    {
        var dated = query.From is not null || query.Overdue || query.Priority is not null;
        var kind = query.Overdue ? "overdue " : query.Status switch
        {
            "done" => "completed ",
            "open" when !dated => "open ",
            _ => "",
        };
        var text = (query.Priority is { } priority ? $"{priority} priority " : "") + kind + "tasks";
        if (query.List is { } list)
        {
            text += $" on your {list} list";
        }

        if (query.From is { } from && query.To is { } to)
        {
            text += from == to ? $" due {TaskText.Day(from, today)}" : $" due between {TaskText.Day(from, today)} and {TaskText.Day(to, today)}";
        }

        return text;
    }

    private static string Singular(string what) => what.Replace("tasks", "task");

    private static string Added(IReadOnlyList<SeenTask> added, DateOnly today)
    {
        if (added.Count == 1)
        {
            var details = TaskText.Details(added[0], today);
            return $"I've added {TaskText.Named(added[0])}" + (details.Length > 0 ? $", {details}." : ".");
        }

        return $"I've added {added.Count} tasks:\n\n" + TaskText.Bullets(added, today);
    }

    private static string Changed(SeenResult result, DateOnly today)
    {
        var tasks = result.AllTasks;
        return result.Name switch
        {
            // The server asks the deletion question itself, right after the proposal's card; the
            // reply must end with it, or a typed "yes" would not count as the answer.
            _ when result.Status == ToolStatus.NeedsConfirmation => "",
            OfflineTools.CompleteTasks or OfflineTools.CompleteTask when tasks.Count > 0 && tasks.All(t => t.IsCompleted) =>
                $"Done! I've marked {TaskText.Join(tasks)}{(tasks.Count == 1 ? "," : "")} as complete.",
            OfflineTools.UpdateTask or OfflineTools.CompleteTask when result.Task is { } task => Updated(result, task, today),
            _ => Readable(result.Message),
        };
    }

    private static string Updated(SeenResult result, SeenTask task, DateOnly today)
    {
        var said = new List<string>();
        if (result.Argument("is_completed") == "false" || result.Argument("completed") == "false")
        {
            said.Add("is open again");
        }

        if (result.Arguments.ContainsKey("title"))
        {
            said.Add($"is now called {TaskText.Quote(task.Title)}");
        }

        if (result.Arguments.ContainsKey("due_date"))
        {
            said.Add(task.DueDate is { } due ? $"is now due {TaskText.Day(due, today)}" : "no longer has a due date");
        }

        if (result.Arguments.ContainsKey("priority"))
        {
            said.Add($"is now {task.Priority} priority");
        }

        if (result.Arguments.ContainsKey("list"))
        {
            said.Add(task.List is { } list ? $"is now on your {list} list" : "is no longer on a list");
        }

        if (result.Arguments.ContainsKey("description"))
        {
            said.Add("has a new description");
        }

        return said.Count == 0 ? Readable(result.Message) : $"Task {task.Number}, {TaskText.Quote(task.Title)}, " + JoinClauses(said) + ".";
    }

    private static string JoinClauses(List<string> said) =>
        said.Count == 1 ? said[0] : string.Join(", ", said.Take(said.Count - 1)) + " and " + said[^1];

    /// <summary>A tool speaks to a model ("Use list_tasks ..."); a person types a request instead.</summary>
    public static string Readable(string message) =>
        message.Replace("Use list_tasks to see the numbers.", "Say “show my tasks” to see the numbers.")
            .Replace("Use find_tasks or list_tasks to see the numbers.", "Say “show my tasks” to see the numbers.");
}
