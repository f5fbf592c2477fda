using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.AI;
using TaskChat.Web.Tasks;

namespace TaskChat.Web.Assistant;

/// <summary>
/// The assistant's tools for one turn. The owner comes from the server (the signed-in user),
/// never from the model's arguments, so no argument can reach another user's tasks. It holds a
/// scoped <see cref="TaskService"/> (one DbContext): use it within that scope, one call at a time.
/// </summary>
public sealed class TaskTools(Guid userId, TaskService tasks)
{
    public Guid UserId => userId;

    /// <summary>The five tools for <c>ChatOptions.Tools</c>. Deleting is only ever proposed here; see <see cref="ConfirmDeleteAsync"/>.</summary>
    /// <remarks>
    /// The data annotations on parameters only shape the JSON schema the model sees; the
    /// arguments are not validated against them, so TaskService's rules still answer with a
    /// sentence the model can act on.
    /// </remarks>
    public IList<AITool> AsTools() =>
    [
        Tool(AddTaskAsync, ToolNames.AddTask),
        Tool(ListTasksAsync, ToolNames.ListTasks),
        Tool(CompleteTaskAsync, ToolNames.CompleteTask),
        Tool(UpdateTaskAsync, ToolNames.UpdateTask),
        Tool(DeleteTaskAsync, ToolNames.DeleteTask),
    ];

    public static ToolStatus ReadStatus(string resultJson) => ToolResult.ReadStatus(resultJson);

    [Description("Adds a new task to the user's list and returns it with its number. Use it for requests such as " +
        "\"remind me to call mom\" or \"add milk to my list\". Make the title short and start it with a capital letter.")]
    public async Task<ToolResult> AddTaskAsync(
        [Description("The task's title, at most 200 characters, e.g. \"Buy groceries\".")]
        [StringLength(TaskRules.TitleMaxLength, MinimumLength = 1)] string title,
        [Description("Optional details about the task. Leave it out when the user gave none.")] string? description = null,
        CancellationToken cancellationToken = default)
    {
        var result = await tasks.CreateAsync(userId, title, description, cancellationToken);
        return result.Task is { } task
            ? ToolResult.Succeeded($"Added task {task.Number}, {Quote(task.Title)}.", ToolTask.From(task))
            : ToolResult.Failed($"The task was not added: {result.Error}");
    }

    [Description("Lists the user's tasks with their numbers, oldest first. Call it whenever you need a task's number " +
        "or the user asks what is on their list, what is left or what they have done.")]
    public async Task<ToolResult> ListTasksAsync(
        [Description("Which tasks to list: \"all\" (the default), \"open\" (not completed yet) or \"completed\".")]
        [AllowedValues("all", "open", "completed")] string? status = "all",
        CancellationToken cancellationToken = default)
    {
        var filter = ParseStatusFilter(status);
        if (filter is null)
        {
            return ToolResult.Failed($"\"{status}\" is not a status I know. Use \"all\", \"open\" or \"completed\".");
        }

        var completed = filter switch { "open" => false, "completed" => true, _ => (bool?)null };
        var found = (await tasks.ListAsync(userId, completed, cancellationToken)).Select(ToolTask.From).ToList();
        var kind = filter switch { "open" => "open ", "completed" => "completed ", _ => "" };
        var message = found.Count switch
        {
            0 => $"You have no {kind}tasks.",
            1 => $"You have 1 {kind}task.",
            _ => $"You have {found.Count} {kind}tasks.",
        };
        return ToolResult.Succeeded(message, tasks: found);
    }

    [Description("Marks a task as completed, or reopens it when completed is false. " +
        "Identify the task by its number; call list_tasks first if you do not know it.")]
    public async Task<ToolResult> CompleteTaskAsync(
        [Description("The task's number, as shown by list_tasks (\"task 3\" is number 3).")]
        [Range(1, int.MaxValue)] int number,
        [Description("true to mark the task as completed (the default), false to reopen it.")] bool completed = true,
        CancellationToken cancellationToken = default)
    {
        var existing = await tasks.FindAsync(userId, number, cancellationToken);
        if (existing is null)
        {
            return NoSuchTask(number);
        }

        if (existing.IsCompleted == completed)
        {
            var state = completed ? "already complete" : "already open";
            return ToolResult.Succeeded($"Task {number}, {Quote(existing.Title)}, was {state}.", ToolTask.From(existing));
        }

        var result = await tasks.UpdateAsync(userId, number, null, null, completed, cancellationToken);
        if (result.Task is not { } task)
        {
            return Failure(number, result);
        }

        return ToolResult.Succeeded(
            completed
                ? $"Task {number}, {Quote(task.Title)}, is now marked as complete."
                : $"Task {number}, {Quote(task.Title)}, is open again.",
            ToolTask.From(task));
    }

    [Description("Changes a task's title and/or description. Leave out what should stay as it is. " +
        "An empty description removes it. Identify the task by its number.")]
    public async Task<ToolResult> UpdateTaskAsync(
        [Description("The task's number, as shown by list_tasks.")]
        [Range(1, int.MaxValue)] int number,
        [Description("The new title, at most 200 characters. Leave it out to keep the current title.")]
        [StringLength(TaskRules.TitleMaxLength, MinimumLength = 1)] string? title = null,
        [Description("The new description. Leave it out to keep the current one; an empty string removes it.")] string? description = null,
        CancellationToken cancellationToken = default)
    {
        if (title is null && description is null)
        {
            return ToolResult.Failed($"Nothing to change: give task {number} a new title or a new description.");
        }

        var result = await tasks.UpdateAsync(userId, number, title, description, null, cancellationToken);
        if (result.Task is not { } task)
        {
            return Failure(number, result);
        }

        var message = (title, description) switch
        {
            (not null, null) => $"Task {number} is now called {Quote(task.Title)}.",
            (null, not null) => $"Updated the description of task {number}, {Quote(task.Title)}.",
            _ => $"Task {number} is now called {Quote(task.Title)}, with the new description.",
        };
        return ToolResult.Succeeded(message, ToolTask.From(task));
    }

    [Description("Asks to delete a task. This does NOT delete it: the user must confirm first, with the button in the app " +
        "or by replying \"yes\". After calling it, tell the user the task will be deleted once they confirm, and do not " +
        "call it again for the same task.")]
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

    /// <summary>
    /// Performs a deletion the user has confirmed. Called by the server, never offered to the
    /// model, which is what makes deleting two-step.
    /// </summary>
    public async Task<ToolResult> ConfirmDeleteAsync(int number, CancellationToken cancellationToken = default)
    {
        var result = await tasks.DeleteAsync(userId, number, cancellationToken);
        return result.Task is { } task
            ? ToolResult.Succeeded($"Deleted task {number}, {Quote(task.Title)}.", ToolTask.From(task))
            : Failure(number, result);
    }

    private static AIFunction Tool(Delegate method, string name) =>
        AIFunctionFactory.Create(method, new AIFunctionFactoryOptions { Name = name, SerializerOptions = ToolResult.JsonOptions });

    /// <summary>Models paraphrase; accept the obvious synonyms rather than fail the call.</summary>
    private static string? ParseStatusFilter(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" or "any" or "every" or "everything" => "all",
        "open" or "pending" or "incomplete" or "todo" or "to do" or "remaining" or "not completed" or "active" => "open",
        "completed" or "complete" or "done" or "finished" or "closed" => "completed",
        _ => null,
    };

    private static ToolResult Failure(int number, TaskResult result) =>
        result.IsNotFound ? NoSuchTask(number) : ToolResult.Failed(result.Error ?? "That change is not valid.");

    private static ToolResult NoSuchTask(int number) =>
        ToolResult.Failed($"There is no task {number}. Use list_tasks to see the numbers.");

    internal static string Quote(string text) => $"“{text}”";
}
