using TaskChat.Web.Tasks;

namespace TaskChat.Web.Assistant;

/// <summary>
/// A task as the tools report it: what a model needs to talk about it, nothing more.
/// <c>due_date</c> is <c>YYYY-MM-DD</c> in the user's zone (or null), <c>priority</c> low, normal or high.
/// </summary>
public sealed record ToolTask(
    int Number, string Title, string? Description, bool IsCompleted, DateOnly? DueDate = null,
    TaskPriority Priority = TaskPriority.Normal, string? List = null)
{
    public static ToolTask From(TaskItem task) =>
        new(task.Number, task.Title, task.Description, task.IsCompleted, task.DueDate, task.Priority, task.List);
}
