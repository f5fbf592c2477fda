using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.AI;
using TaskChat.Web.Tasks;

namespace TaskChat.Web.Assistant;

// Adding, changing and completing: no confirmation needed, each reports what it changed.
public sealed partial class TaskTools
{
    [Description("Adds a new task and returns it with its number. Use it for requests such as \"remind me to call mom tomorrow\" " +
        "or \"add milk to my shopping list\". Put dates, urgency and the list in their own fields, not in the title: " +
        "\"finish the report by Friday, it's urgent\" is title \"Finish the report\", due_date that Friday, priority \"high\".")]
    public async Task<ToolResult> AddTaskAsync(
        [Description("The task's title, short, starting with a capital letter, e.g. \"Call mom\". At most 200 characters.")]
        [StringLength(TaskRules.TitleMaxLength, MinimumLength = 1)] string title,
        [Description("Optional details. Leave it out when the user gave none.")] string? description = null,
        [Description("Optional due date, YYYY-MM-DD, in the user's time zone (the system prompt says what today is).")] string? due_date = null,
        [Description("Optional priority: \"low\", \"normal\" (the default) or \"high\" (urgent, important).")]
        [AllowedValues("low", "normal", "high", null)] string? priority = null,
        [Description("Optional list name, e.g. \"Shopping\" or \"Work\" (1 to 50 characters). Lists match regardless of case.")] string? list = null,
        CancellationToken cancellationToken = default)
    {
        var input = new TaskInput(title, description, Blank(due_date), Blank(priority), Blank(list));
        var result = await tasks.CreateAsync(userId, input, cancellationToken);
        if (result.Task is not { } task)
        {
            return ToolResult.Failed($"The task was not added: {result.Error}");
        }

        var today = task.DueDate is null ? null : await TodayAsync(cancellationToken);
        return ToolResult.Succeeded($"Added task {task.Number}, {Quote(task.Title)}{Details(task, today)}.", ToolTask.From(task));
    }

    [Description("Changes a task: its title, description, due date, priority, list or whether it is done. Send only what " +
        "changes; due_date or list set to null removes the date or takes the task off its list. Identify the task by its " +
        "number; use find_tasks or list_tasks first if you do not know it.")]
    public async Task<ToolResult> UpdateTaskAsync(
        [Description("The task's number, as shown by list_tasks or find_tasks.")]
        [Range(1, int.MaxValue)] int number,
        [Description("The new title, at most 200 characters.")]
        [StringLength(TaskRules.TitleMaxLength, MinimumLength = 1)] string? title = null,
        [Description("The new description; an empty string removes it.")] string? description = null,
        [Description("The new due date, YYYY-MM-DD in the user's time zone, or null to remove it.")] string? due_date = null,
        [Description("The new priority: \"low\", \"normal\" or \"high\".")]
        [AllowedValues("low", "normal", "high", null)] string? priority = null,
        [Description("The list to move the task to, or null to take it off its list.")] string? list = null,
        [Description("true to mark the task done, false to reopen it.")] bool? is_completed = null,
        AIFunctionArguments? arguments = null,
        CancellationToken cancellationToken = default)
    {
        // A model clears a field by sending it as null (or ""); leaving it out keeps it. Called
        // directly from C# there are no arguments to look at, and a null simply means "keep".
        var changes = new TaskChanges
        {
            Title = title,
            Description = description,
            IsCompleted = is_completed,
            Priority = Blank(priority),
            SetsDueDate = due_date is not null || arguments?.ContainsKey("due_date") == true,
            DueDate = Blank(due_date),
            SetsList = list is not null || arguments?.ContainsKey("list") == true,
            List = Blank(list),
        };
        if (changes.IsEmpty)
        {
            return ToolResult.Failed($"Nothing to change: give task {number} a new title, description, due date, priority or list.");
        }

        var result = await tasks.UpdateAsync(userId, number, changes, cancellationToken);
        if (result.Task is not { } task)
        {
            return Failure(number, result);
        }

        var today = task.DueDate is null ? null : await TodayAsync(cancellationToken);
        var message = (title, description, changes.IsCompleted, changes.Priority, changes.SetsDueDate, changes.SetsList) switch
        {
            (not null, null, null, null, false, false) => $"Task {number} is now called {Quote(task.Title)}.",
            (null, not null, null, null, false, false) => $"Updated the description of task {number}, {Quote(task.Title)}.",
            _ => $"Updated task {number}: {Quote(task.Title)}{Details(task, today)}{(task.IsCompleted ? ", done" : "")}.",
        };
        return ToolResult.Succeeded(message, ToolTask.From(task), previous: [ToolTask.From(result.Previous!)]);
    }

    [Description("Marks one or more tasks as done, e.g. \"I finished 2 and 4\". Identify them by number; use find_tasks " +
        "when the user names tasks by their title. Use update_task with is_completed false to reopen a task.")]
    public async Task<ToolResult> CompleteTasksAsync(
        [Description("The numbers of the tasks to mark as done, e.g. [2, 4].")] int[] numbers,
        CancellationToken cancellationToken = default)
    {
        if (CheckNumbers(numbers) is { } refused)
        {
            return refused;
        }

        var result = await tasks.SetCompletedAsync(userId, numbers, completed: true, cancellationToken);
        if (!result.Succeeded)
        {
            return NoSuchTasks(result.Missing);
        }

        var changed = result.Previous.Select(t => t.Number).ToList();
        var already = result.Tasks.Select(t => t.Number).Except(changed).ToList();
        var message = result.Tasks.Count == 1
            ? $"Task {result.Tasks[0].Number}, {Quote(result.Tasks[0].Title)}, {(changed.Count == 1 ? "is now marked as complete" : "was already complete")}."
            : $"Marked {Plural(changed.Count)} as complete{(changed.Count > 0 ? $" ({Numbers(changed)})" : "")}" +
              $"{(already.Count > 0 ? $"; {Numbers(already)} {(already.Count == 1 ? "was" : "were")} already complete" : "")}.";
        return ToolResult.Succeeded(
            message, tasks: result.Tasks.Select(ToolTask.From).ToList(), previous: result.Previous.Select(ToolTask.From).ToList());
    }

    [Description("Marks a single task as completed, or reopens it when completed is false. complete_tasks does the same for several.")]
    public async Task<ToolResult> CompleteTaskAsync(
        [Description("The task's number, as shown by list_tasks (\"task 3\" is number 3).")]
        [Range(1, int.MaxValue)] int number,
        [Description("true to mark the task as completed (the default), false to reopen it.")] bool completed = true,
        CancellationToken cancellationToken = default)
    {
        var result = await tasks.SetCompletedAsync(userId, [number], completed, cancellationToken);
        if (!result.Succeeded)
        {
            return NoSuchTask(number);
        }

        var task = result.Tasks[0];
        var state = (completed, result.Previous.Count > 0) switch
        {
            (true, true) => "is now marked as complete",
            (false, true) => "is open again",
            (true, false) => "was already complete",
            (false, false) => "was already open",
        };
        return ToolResult.Succeeded(
            $"Task {number}, {Quote(task.Title)}, {state}.", ToolTask.From(task),
            previous: result.Previous.Count > 0 ? [ToolTask.From(result.Previous[0])] : null);
    }

    /// <summary>Models often send "" for "none"; for the optional fields that means the same as leaving them out.</summary>
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Plural(int count) => count == 1 ? "1 task" : $"{count} tasks";

    private static ToolResult? CheckNumbers(int[]? numbers) => numbers switch
    {
        null or [] => ToolResult.Failed("Give the numbers of the tasks, e.g. [2, 4]. Use list_tasks or find_tasks to see them."),
        { Length: > TaskRules.MaxNumbersPerCall } => ToolResult.Failed($"At most {TaskRules.MaxNumbersPerCall} tasks at a time."),
        _ => null,
    };
}
