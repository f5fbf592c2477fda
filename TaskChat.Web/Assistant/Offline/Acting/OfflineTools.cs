using Microsoft.Extensions.AI;

namespace TaskChat.Web.Assistant.Offline.Acting;

/// <summary>
/// The tools the offline assistant calls, and the calls themselves, built the way a model would
/// send them (snake_case JSON arguments) so the pipeline and the stored history cannot tell the
/// difference. Which tools exist comes from the turn's <see cref="ChatOptions.Tools"/>.
/// </summary>
public sealed class OfflineTools(IEnumerable<string> available)
{
    public const string AddTask = "add_task";
    public const string ListTasks = "list_tasks";
    public const string FindTasks = "find_tasks";
    public const string UpdateTask = "update_task";
    public const string CompleteTasks = "complete_tasks";
    public const string DeleteTasks = "delete_tasks";
    public const string Undo = "undo_last_change";

    // The single-task tools, used when the several-at-once ones are not offered.
    public const string CompleteTask = "complete_task";
    public const string DeleteTask = "delete_task";

    /// <summary>Calls that change tasks (or propose to); once one has run, the turn is answered.</summary>
    public static readonly IReadOnlySet<string> Changes =
        new HashSet<string> { AddTask, UpdateTask, CompleteTasks, DeleteTasks, Undo, CompleteTask, DeleteTask };

    private readonly HashSet<string> names = [.. available];

    public static OfflineTools From(ChatOptions? options) => new(options?.Tools?.Select(tool => tool.Name) ?? []);

    public bool Has(string name) => names.Contains(name);

    public bool Any => names.Count > 0;

    public static FunctionCallContent Call(string name, params (string Key, object? Value)[] arguments) =>
        new($"call_{Guid.NewGuid():N}", name, arguments.ToDictionary(a => a.Key, a => a.Value));
}
