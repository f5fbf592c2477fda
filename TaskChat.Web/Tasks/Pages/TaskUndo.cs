namespace TaskChat.Web.Tasks.Pages;

/// <summary>
/// What the page's Undo button does after a change, and the sentence beside it. It is a plain
/// form (hidden fields) so Undo works without JavaScript too; with it, the page posts the same form.
/// </summary>
public sealed record TaskUndo(string Message, string Kind, int Number)
{
    public const string Restore = "restore";
    public const string SetCompleted = "completed";
    public const string Revert = "revert";
    public const string Remove = "remove";

    /// <summary>For <see cref="SetCompleted"/>: the value to go back to.</summary>
    public bool IsCompleted { get; init; }

    /// <summary>For <see cref="Revert"/>: the task's fields before the edit.</summary>
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? DueDate { get; init; }
    public string? Priority { get; init; }
    public string? List { get; init; }

    public static TaskUndo Deleted(TaskItem task) => new($"Deleted task {task.Number}, “{task.Title}”.", Restore, task.Number);

    public static TaskUndo Added(TaskItem task) => new($"Added task {task.Number}, “{task.Title}”.", Remove, task.Number);

    public static TaskUndo Toggled(TaskItem task) =>
        new(task.IsCompleted ? $"Completed task {task.Number}, “{task.Title}”." : $"Reopened task {task.Number}, “{task.Title}”.",
            SetCompleted, task.Number)
        { IsCompleted = !task.IsCompleted };

    public static TaskUndo Edited(TaskItem previous) => new($"Saved task {previous.Number}.", Revert, previous.Number)
    {
        Title = previous.Title,
        Description = previous.Description ?? "",
        DueDate = previous.DueDate is { } due ? DueDates.Iso(due) : "",
        Priority = previous.Priority.ToString().ToLowerInvariant(),
        List = previous.List ?? "",
    };
}
