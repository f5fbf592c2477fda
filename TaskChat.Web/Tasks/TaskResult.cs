
namespace TaskChat.Web.Tasks;

/// <summary>The outcome of a task change: the task (and what it was before), or why there is none.</summary>
public sealed record TaskResult(TaskItem? Task, IReadOnlyDictionary<string, string[]>? Errors, bool IsNotFound, string? Error)
{
    /// <summary>The task as it was before the change, detached; null for a create.</summary>
    public TaskItem? Previous { get; init; }

    public static TaskResult Ok(TaskItem task, TaskItem? previous = null) => new(task, null, false, null) { Previous = previous };

    public static TaskResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(null, errors, false, string.Join(" ", errors.Values.SelectMany(messages => messages)));

    public static TaskResult NotFound(int number) => new(null, null, true, $"There is no task {number}.");
}
