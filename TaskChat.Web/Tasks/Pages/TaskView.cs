namespace TaskChat.Web.Tasks.Pages;

/// <summary>The views of the /tasks page. Every view but Done shows open tasks only: a task done is out of the way.</summary>
public enum TaskViewKind
{
    All,
    Today,
    Upcoming,
    Overdue,
    List,
    Done,
}

/// <summary>How a view's tasks are ordered; by due date (then priority, then number) unless the person picks otherwise.</summary>
public enum TaskSort
{
    Due,
    Priority,
    Number,
}

/// <summary>Which tasks each view shows, decided in one place for the page, its counts and the chat's panel.</summary>
public static class TaskView
{
    public static TaskViewKind Parse(string? view) => view?.ToLowerInvariant() switch
    {
        "today" => TaskViewKind.Today,
        "upcoming" => TaskViewKind.Upcoming,
        "overdue" => TaskViewKind.Overdue,
        "list" => TaskViewKind.List,
        "done" => TaskViewKind.Done,
        _ => TaskViewKind.All,
    };

    public static TaskSort ParseSort(string? sort) => sort?.ToLowerInvariant() switch
    {
        "priority" => TaskSort.Priority,
        "number" => TaskSort.Number,
        _ => TaskSort.Due,
    };

    public static bool Shows(TaskViewKind view, TaskItem task, UserToday today, string? list) => view switch
    {
        TaskViewKind.Done => task.IsCompleted,
        _ when task.IsCompleted => false,
        TaskViewKind.Today => today.Matches(DueWindow.Today, task),
        TaskViewKind.Upcoming => today.Matches(DueWindow.Upcoming, task),
        TaskViewKind.Overdue => today.Matches(DueWindow.Overdue, task),
        TaskViewKind.List => list is not null && string.Equals(task.List, list, StringComparison.OrdinalIgnoreCase),
        _ => true,
    };

    public static List<TaskItem> Order(IEnumerable<TaskItem> tasks, TaskSort sort, TaskViewKind view) => sort switch
    {
        TaskSort.Priority => tasks.OrderByDescending(t => t.Priority).ThenBy(t => t.DueDate is null).ThenBy(t => t.DueDate).ThenBy(t => t.Number).ToList(),
        TaskSort.Number => tasks.OrderBy(t => t.Number).ToList(),
        // Done shows the most recently finished first: what a person looks for there.
        _ when view == TaskViewKind.Done => tasks.OrderByDescending(t => t.CompletedAt).ThenBy(t => t.Number).ToList(),
        _ => TaskOrder.Sort(tasks),
    };

    public static string Name(TaskViewKind view) => view.ToString().ToLowerInvariant();
}
