using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Tasks.Pages;

// The page's form posts. Each answers a background post (tasks.js) with the fresh fragment and a
// plain one with a redirect back to the same view; both carry the Undo for what was just done.
public sealed partial class TasksPageModel
{
    public async Task<IActionResult> OnPostAddAsync(
        string? newTitle, string? newDescription, string? newDueDate, string? newPriority, string? newList, CancellationToken cancellationToken)
    {
        var today = await calendar.TodayAsync(User.GetUserId(), cancellationToken);
        var input = QuickAdd.Parse(newTitle, newDescription, newDueDate, newPriority, newList, today.Today);
        var result = await tasks.CreateAsync(User.GetUserId(), input, cancellationToken);
        return await DoneAsync(result.Error, result.Task is { } task ? TaskUndo.Added(task) : null, cancellationToken);
    }

    public async Task<IActionResult> OnPostToggleAsync(int number, CancellationToken cancellationToken)
    {
        var task = await tasks.FindAsync(User.GetUserId(), number, cancellationToken);
        if (task is null)
        {
            return await DoneAsync(TaskResult.NotFound(number).Error, null, cancellationToken);
        }

        var result = await tasks.UpdateAsync(User.GetUserId(), number, new TaskChanges { IsCompleted = !task.IsCompleted }, cancellationToken);
        return await DoneAsync(result.Error, result.Task is { } changed ? TaskUndo.Toggled(changed) : null, cancellationToken);
    }

    /// <summary>The edit form always sends every field; an empty date or list means "none".</summary>
    public async Task<IActionResult> OnPostUpdateAsync(
        int number, string? title, string? description, string? dueDate, string? priority, string? list, CancellationToken cancellationToken)
    {
        var result = await tasks.UpdateAsync(User.GetUserId(), number, EveryField(title, description, dueDate, priority, list), cancellationToken);
        return await DoneAsync(result.Error, result.Previous is { } previous ? TaskUndo.Edited(previous) : null, cancellationToken);
    }

    /// <summary>The confirmation's own form posts here; the Delete button only asks (see the row).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int number, CancellationToken cancellationToken)
    {
        var result = await tasks.DeleteAsync(User.GetUserId(), number, cancellationToken);
        return await DoneAsync(result.Error, result.Task is { } task ? TaskUndo.Deleted(task) : null, cancellationToken);
    }

    public async Task<IActionResult> OnPostUndoAsync(
        string? kind, int number, bool isCompleted, string? title, string? description, string? dueDate, string? priority, string? list,
        CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var result = kind switch
        {
            TaskUndo.Restore => await tasks.RestoreAsync(userId, number, cancellationToken),
            TaskUndo.Remove => await tasks.DeleteAsync(userId, number, cancellationToken),
            TaskUndo.SetCompleted => await tasks.UpdateAsync(userId, number, new TaskChanges { IsCompleted = isCompleted }, cancellationToken),
            TaskUndo.Revert => await tasks.UpdateAsync(userId, number, EveryField(title, description, dueDate, priority, list), cancellationToken),
            _ => TaskResult.NotFound(number),
        };
        return await DoneAsync(result.Task is null ? "That can no longer be undone." : null, null, cancellationToken);
    }

    /// <summary>An edit form's fields (and an undo's, which are the same): every field set, an empty date or list meaning "none".</summary>
    private static TaskChanges EveryField(string? title, string? description, string? dueDate, string? priority, string? list) => new()
    {
        Title = title ?? "",
        Description = description ?? "",
        Priority = string.IsNullOrWhiteSpace(priority) ? null : priority,
        SetsDueDate = true,
        DueDate = string.IsNullOrWhiteSpace(dueDate) ? null : dueDate,
        SetsList = true,
        List = string.IsNullOrWhiteSpace(list) ? null : list,
    };

    private async Task<IActionResult> DoneAsync(string? error, TaskUndo? undo, CancellationToken cancellationToken)
    {
        if (Request.Headers["X-Requested-With"] == "fetch")
        {
            Problem = error;
            Undo = undo;
            await LoadAsync(cancellationToken);
            return Partial("_TaskView", this);
        }

        Error = error;
        UndoJson = undo is null ? null : JsonSerializer.Serialize(undo);
        return RedirectToPage(new RouteValueDictionary(Here.ToDictionary(p => p.Key, p => (object?)p.Value)));
    }
}
