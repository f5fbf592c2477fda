
namespace TaskChat.Web.Assistant;

/// <summary>The names the model sees; persisted in <c>tool_calls.name</c>, so they are part of the contract.</summary>
public static class ToolNames
{
    public const string AddTask = "add_task";
    public const string ListTasks = "list_tasks";
    public const string CompleteTask = "complete_task";
    public const string UpdateTask = "update_task";
    public const string DeleteTask = "delete_task";
}
