using Microsoft.AspNetCore.SignalR;

namespace TaskChat.Web.Tasks.Live;

/// <summary>
/// The one place a task change is announced. <see cref="TaskService"/> calls it after every
/// committed change, so the REST API, the page and the assistant's tools never announce anything
/// themselves. A failed announcement is logged, never turned into a failed change: the change is
/// already saved.
/// </summary>
public sealed class TaskChangeNotifier(IHubContext<TasksHub> hub, ILogger<TaskChangeNotifier> logger)
{
    /// <summary>The name clients listen for, snake_case like the chat hub's events.</summary>
    public const string TasksChanged = "tasks_changed";

    public async Task ChangedAsync(Guid userId, IReadOnlyList<int> numbers)
    {
        try
        {
            await hub.Clients.User(userId.ToString()).SendAsync(TasksChanged, new TasksChangedMessage(numbers));
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not announce a change to tasks {Numbers} of user {UserId}", numbers, userId);
        }
    }
}
