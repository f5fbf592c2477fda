namespace TaskChat.Web.Tasks;

/// <summary>
/// The outcome of a change to several tasks at once. It is all or nothing: when a number is
/// missing (or someone else's, which looks the same) nothing changed and <see cref="Missing"/> says which.
/// </summary>
public sealed record TaskBatchResult(IReadOnlyList<TaskItem> Tasks, IReadOnlyList<TaskItem> Previous, IReadOnlyList<int> Missing)
{
    public bool Succeeded => Missing.Count == 0;

    public static TaskBatchResult NotFound(IReadOnlyList<int> missing) => new([], [], missing);
}
