using TaskChat.Web.Assistant.Undo;
using TaskChat.Web.Data;
using TaskChat.Web.Tasks;

namespace TaskChat.Web.Assistant;

/// <summary>Builds the tools for one turn; scoped, because the tools share the scope's DbContext.</summary>
public sealed class TaskToolsFactory(TaskService tasks, TaskCalendar calendar, TaskChatDbContext db)
{
    /// <summary>The tools; with the conversation they include undo, which reverts that conversation's own changes.</summary>
    public TaskTools Create(Guid userId, Guid? conversationId = null) =>
        new(userId, tasks, calendar, conversationId is { } id ? new TaskUndo(userId, id, db, tasks) : null);
}
