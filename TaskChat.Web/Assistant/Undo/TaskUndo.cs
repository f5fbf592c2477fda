using System.ComponentModel;
using TaskChat.Web.Data;
using TaskChat.Web.Tasks;

namespace TaskChat.Web.Assistant.Undo;

/// <summary>
/// The undo tool: reverts the assistant's latest change in this conversation that is still in
/// effect, from what its stored tool call recorded (a created task is removed, a completion
/// reopened, an edit restored to the previous values, a deletion brought back with its number).
/// Changes made elsewhere (the /tasks page, another conversation) are not this conversation's to undo.
/// </summary>
public sealed class TaskUndo(Guid userId, Guid conversationId, TaskChatDbContext db, TaskService tasks)
{
    [Description("Undoes the assistant's last change in this conversation (an added, completed, changed or deleted task) " +
        "and says what it undid. Call it again to undo the change before that. Use it when the user says \"undo\", " +
        "\"oops\" or \"take that back\".")]
    public async Task<ToolResult> UndoLastChangeAsync(CancellationToken cancellationToken = default)
    {
        var change = await ConversationChanges.LatestAsync(db, conversationId, cancellationToken);
        if (change is null)
        {
            return ToolResult.Failed("There is nothing to undo in this conversation.");
        }

        return change.Name switch
        {
            ToolNames.AddTask => await UndoAddAsync(change, cancellationToken),
            ToolNames.DeleteTask or ToolNames.DeleteTasks => await UndoDeleteAsync(change, cancellationToken),
            _ => await RestoreAsync(change, cancellationToken),
        };
    }

    private async Task<ToolResult> UndoAddAsync(ChangeRecord change, CancellationToken cancellationToken)
    {
        var added = change.Result.Task!;
        var result = await tasks.DeleteAsync(userId, added.Number, cancellationToken);
        return result.Task is { } task
            ? ToolResult.Succeeded($"Undid adding task {task.Number}, {Quote(task.Title)}: it is removed.", ToolTask.From(task))
            : ToolResult.Failed($"Task {added.Number}, {Quote(added.Title)}, is already gone, so there was nothing to undo.");
    }

    private async Task<ToolResult> UndoDeleteAsync(ChangeRecord change, CancellationToken cancellationToken)
    {
        var deleted = change.Result.Tasks ?? (change.Result.Task is { } one ? [one] : []);
        var restored = new List<ToolTask>();
        foreach (var task in deleted)
        {
            if ((await tasks.RestoreAsync(userId, task.Number, cancellationToken)).Task is { } back)
            {
                restored.Add(ToolTask.From(back));
            }
        }

        return restored.Count == 0
            ? ToolResult.Failed("The deleted tasks can no longer be brought back.")
            : ToolResult.Succeeded($"Undid the deletion: {Named(restored)}{(restored.Count == 1 ? "," : "")} {(restored.Count == 1 ? "is" : "are")} back.", tasks: restored);
    }

    /// <summary>An edit or a completion: each task goes back to the values recorded before the change.</summary>
    private async Task<ToolResult> RestoreAsync(ChangeRecord change, CancellationToken cancellationToken)
    {
        var before = change.Result.Previous ?? [];
        var restored = new List<ToolTask>();
        foreach (var previous in before)
        {
            var result = await tasks.UpdateAsync(userId, previous.Number, BackTo(previous), cancellationToken);
            if (result.Task is { } task)
            {
                restored.Add(ToolTask.From(task));
            }
        }

        if (restored.Count == 0)
        {
            return before.Count == 0
                ? ToolResult.Succeeded("That change had not altered anything, so there was nothing to undo.")
                : ToolResult.Failed("The tasks that change touched are gone, so it cannot be undone.");
        }

        var what = change.Name is ToolNames.CompleteTasks or ToolNames.CompleteTask && restored.All(t => !t.IsCompleted)
            ? $"Undid completing {Named(restored)}: {(restored.Count == 1 ? "it is" : "they are")} open again."
            : $"Undid the change to {Named(restored)}: {(restored.Count == 1 ? "it is" : "they are")} as before.";
        return ToolResult.Succeeded(what, restored.Count == 1 ? restored[0] : null, restored.Count > 1 ? restored : null);
    }

    private static TaskChanges BackTo(ToolTask previous) => new()
    {
        Title = previous.Title,
        Description = previous.Description ?? "",
        IsCompleted = previous.IsCompleted,
        Priority = previous.Priority.ToString().ToLowerInvariant(),
        SetsDueDate = true,
        DueDate = previous.DueDate is { } due ? DueDates.Iso(due) : null,
        SetsList = true,
        List = previous.List,
    };

    private static string Named(IReadOnlyList<ToolTask> tasks) =>
        TaskTools.Numbers([.. tasks.Select(t => t.Number)]) is var numbers && tasks.Count == 1
            ? $"task {tasks[0].Number}, {Quote(tasks[0].Title)}"
            : $"tasks {numbers}";

    private static string Quote(string text) => $"“{text}”";
}
