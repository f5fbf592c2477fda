using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace TaskChat.Web.Assistant;

// Deleting is two-step: the model's tools only propose; the server carries out a proposal once
// the user confirms (Chat/PendingDeletions), through ConfirmDeleteAsync, which no model can call.
public sealed partial class TaskTools
{
    [Description("Asks to delete one or more tasks. This does NOT delete them: the user must confirm first, once for all " +
        "of them, with the button in the app or by replying \"yes\". After calling it, say which tasks will be deleted once " +
        "they confirm, and do not call it again for the same tasks.")]
    public async Task<ToolResult> DeleteTasksAsync(
        [Description("The numbers of the tasks to delete, e.g. [2, 4], as shown by list_tasks or find_tasks.")] int[] numbers,
        CancellationToken cancellationToken = default)
    {
        if (CheckNumbers(numbers) is { } refused)
        {
            return refused;
        }

        var found = await tasks.FindManyAsync(userId, numbers, cancellationToken);
        if (!found.Succeeded)
        {
            return NoSuchTasks(found.Missing);
        }

        var named = string.Join(", ", found.Tasks.Select(t => $"{t.Number} {Quote(t.Title)}"));
        var subject = found.Tasks.Count == 1 ? $"Task {named} has" : $"Tasks {named} have";
        return ToolResult.NeedsConfirmation(
            $"{subject} not been deleted yet: the user must confirm. Ask them to confirm with the button or by replying " +
            "“yes”, or to reply “no” to keep them.",
            found.Tasks.Select(ToolTask.From).ToList());
    }

    [Description("Asks to delete a single task; delete_tasks does the same for several. This does NOT delete it: the user " +
        "must confirm first, with the button in the app or by replying \"yes\".")]
    public async Task<ToolResult> DeleteTaskAsync(
        [Description("The number of the task to delete, as shown by list_tasks.")]
        [Range(1, int.MaxValue)] int number,
        CancellationToken cancellationToken = default)
    {
        var task = await tasks.FindAsync(userId, number, cancellationToken);
        return task is null
            ? NoSuchTask(number)
            : ToolResult.NeedsConfirmation(
                $"Task {number}, {Quote(task.Title)}, has not been deleted yet: the user must confirm. Ask them to confirm " +
                "with the button or by replying “yes”, or to reply “no” to keep it.",
                ToolTask.From(task));
    }

    /// <summary>Performs a deletion the user has confirmed. Called by the server, never offered to the model.</summary>
    public async Task<ToolResult> ConfirmDeleteAsync(int number, CancellationToken cancellationToken = default)
    {
        var result = await tasks.DeleteAsync(userId, number, cancellationToken);
        return result.Task is { } task
            ? ToolResult.Succeeded($"Deleted task {number}, {Quote(task.Title)}.", ToolTask.From(task), previous: [ToolTask.From(result.Previous!)])
            : Failure(number, result);
    }

    /// <summary>Performs a confirmed <c>delete_tasks</c> proposal: all of its tasks, or none if one has gone meanwhile.</summary>
    public async Task<ToolResult> ConfirmDeleteAsync(IReadOnlyList<int> numbers, CancellationToken cancellationToken = default)
    {
        var result = await tasks.DeleteManyAsync(userId, numbers, cancellationToken);
        if (!result.Succeeded)
        {
            return NoSuchTasks(result.Missing);
        }

        var deleted = string.Join(", ", result.Tasks.Select(t => $"{t.Number} {Quote(t.Title)}"));
        return ToolResult.Succeeded(
            result.Tasks.Count == 1 ? $"Deleted task {deleted}." : $"Deleted tasks {deleted}.",
            tasks: result.Tasks.Select(ToolTask.From).ToList(),
            previous: result.Previous.Select(ToolTask.From).ToList());
    }
}
