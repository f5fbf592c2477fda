
namespace TaskChat.Web.Tasks;

/// <summary>The outcome of a task change: the task, or why there is none.</summary>
public sealed record TaskResult(TaskItem? Task, IReadOnlyDictionary<string, string[]>? Errors, bool IsNotFound, string? Error)
{
    public static TaskResult Ok(TaskItem task) => new(task, null, false, null);

    public static TaskResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(null, errors, false, string.Join(" ", errors.Values.SelectMany(messages => messages)));

    public static TaskResult NotFound(int number) => new(null, null, true, $"There is no task {number}.");
}
