using Microsoft.Extensions.AI;

namespace TaskChat.Web.Assistant.Offline.Acting;

/// <summary>
/// The tools the offline assistant calls, and the calls themselves, built the way a model would
/// send them (snake_case JSON arguments) so the pipeline and the stored history cannot tell the
/// difference. Which tools exist comes from the turn's <see cref="ChatOptions.Tools"/>.
/// </summary>
public sealed class OfflineTools(IEnumerable<string> available)
{
    public const string AddTask = ToolNames.AddTask;
    public const string ListTasks = ToolNames.ListTasks;
    public const string FindTasks = ToolNames.FindTasks;
    public const string UpdateTask = ToolNames.UpdateTask;
    public const string CompleteTasks = ToolNames.CompleteTasks;
    public const string DeleteTasks = ToolNames.DeleteTasks;
    public const string Undo = ToolNames.UndoLastChange;

    // The single-task tools, used when the several-at-once ones are not offered.
    public const string CompleteTask = ToolNames.CompleteTask;
    public const string DeleteTask = ToolNames.DeleteTask;

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
