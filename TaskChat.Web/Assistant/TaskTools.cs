using Microsoft.Extensions.AI;
using TaskChat.Web.Assistant.Undo;
using TaskChat.Web.Tasks;

namespace TaskChat.Web.Assistant;

/// <summary>
/// The assistant's tools for one turn. The owner comes from the server (the signed-in user),
/// never from the model's arguments, so no argument can reach another user's tasks. It holds a
/// scoped <see cref="TaskService"/> (one DbContext): use it within that scope, one call at a time.
/// </summary>
/// <remarks>
/// Parameter names are the JSON names the model sees, hence <c>due_date</c> rather than C# style.
/// The data annotations on parameters only shape the JSON schema; the arguments are not validated
/// against them, so TaskService's rules still answer with a sentence the model can act on.
/// </remarks>
public sealed partial class TaskTools(Guid userId, TaskService tasks, TaskCalendar calendar, TaskUndo? undo = null)
{
    public Guid UserId => userId;

    /// <summary>The tools for <c>ChatOptions.Tools</c>. Deleting is only ever proposed here; see <see cref="ConfirmDeleteAsync(IReadOnlyList{int}, CancellationToken)"/>.</summary>
    public IList<AITool> AsTools() =>
    [
        Tool(AddTaskAsync, ToolNames.AddTask),
        Tool(ListTasksAsync, ToolNames.ListTasks),
        Tool(FindTasksAsync, ToolNames.FindTasks),
        Tool(UpdateTaskAsync, ToolNames.UpdateTask),
        Tool(CompleteTasksAsync, ToolNames.CompleteTasks),
        Tool(DeleteTasksAsync, ToolNames.DeleteTasks),
        Tool(CompleteTaskAsync, ToolNames.CompleteTask),
        Tool(DeleteTaskAsync, ToolNames.DeleteTask),
        .. undo is null ? Array.Empty<AITool>() : [Tool(undo.UndoLastChangeAsync, ToolNames.UndoLastChange)],
    ];

    public static ToolStatus ReadStatus(string resultJson) => ToolResult.ReadStatus(resultJson);

    /// <summary>Today in the user's own time zone: what "today", "tomorrow" and "overdue" mean for them.</summary>
    public Task<UserToday> TodayAsync(CancellationToken cancellationToken = default) => calendar.TodayAsync(userId, cancellationToken);

    private static AIFunction Tool(Delegate method, string name) =>
        AIFunctionFactory.Create(method, new AIFunctionFactoryOptions { Name = name, SerializerOptions = ToolResult.JsonOptions });

    private static ToolResult Failure(int number, TaskResult result) =>
        result.IsNotFound ? NoSuchTask(number) : ToolResult.Failed(result.Error ?? "That change is not valid.");

    private static ToolResult NoSuchTask(int number) =>
        ToolResult.Failed($"There is no task {number}. Use list_tasks to see the numbers.");

    private static ToolResult NoSuchTasks(IReadOnlyList<int> missing) => missing.Count == 1
        ? NoSuchTask(missing[0])
        : ToolResult.Failed($"There are no tasks {Numbers(missing)}, so nothing was changed. Use list_tasks or find_tasks to see the numbers.");

    /// <summary>"2", "2 and 4", "2, 4 and 7".</summary>
    internal static string Numbers(IReadOnlyList<int> numbers) => numbers.Count switch
    {
        0 => "",
        1 => numbers[0].ToString(),
        _ => $"{string.Join(", ", numbers.Take(numbers.Count - 1))} and {numbers[^1]}",
    };

    internal static string Quote(string text) => $"“{text}”";

    /// <summary>What a result says about a task beyond its title: ", due 2026-12-04 (Fri 4 Dec), high priority, on the list “Work”".</summary>
    private static string Details(TaskItem task, UserToday? today)
    {
        var parts = new List<string>();
        if (task.DueDate is { } due)
        {
            var iso = DueDates.Iso(due);
            parts.Add(today is null ? $"due {iso}" : $"due {iso} ({DueDates.Describe(due, today.Today)})");
        }

        if (task.Priority != TaskPriority.Normal)
        {
            parts.Add($"{task.Priority.ToString().ToLowerInvariant()} priority");
        }

        if (task.List is not null)
        {
            parts.Add($"on the list {Quote(task.List)}");
        }

        return parts.Count == 0 ? "" : ", " + string.Join(", ", parts);
    }
}
