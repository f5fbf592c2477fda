
namespace TaskChat.Web.Assistant;

/// <summary>The names the model sees; persisted in <c>tool_calls.name</c>, so they are part of the contract.</summary>
public static class ToolNames
{
    public const string AddTask = "add_task";
    public const string ListTasks = "list_tasks";
    public const string FindTasks = "find_tasks";
    public const string UpdateTask = "update_task";
    public const string CompleteTasks = "complete_tasks";
    public const string DeleteTasks = "delete_tasks";
    public const string UndoLastChange = "undo_last_change";

    // The single-task forms came first; stored conversations name them, so they keep working.
    public const string CompleteTask = "complete_task";
    public const string DeleteTask = "delete_task";

    /// <summary>The tools whose calls only propose a deletion that the user must confirm.</summary>
    public static bool ProposesDeletion(string name) => name is DeleteTask or DeleteTasks;
}
