namespace TaskChat.Web.Tasks.Pages;

/// <summary>One row of the /tasks page: the task and the page it is shown on (today, the view to return to).</summary>
public sealed record TaskRow(TaskItem Task, TasksPageModel Page)
{
    public bool IsOverdue => !Task.IsCompleted && Task.DueDate < Page.Today.Today;

    public bool IsDueToday => Task.DueDate == Page.Today.Today;

    public bool Confirming => Page.Confirm == Task.Number;

    public string? Due => Task.DueDate is { } due ? DueDates.Describe(due, Page.Today.Today) : null;
}
