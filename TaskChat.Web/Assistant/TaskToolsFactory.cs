using TaskChat.Web.Tasks;

namespace TaskChat.Web.Assistant;

/// <summary>Builds the tools for one turn; scoped, because the tools share the scope's DbContext.</summary>
public sealed class TaskToolsFactory(TaskService tasks, TaskCalendar calendar)
{
    public TaskTools Create(Guid userId) => new(userId, tasks, calendar);
}
