using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace TaskChat.Web.Tasks.Live;

/// <summary>
/// <c>/hubs/tasks</c>: tells every open /tasks page and chat page of a user that their tasks
/// changed, whichever node or tab changed them (<see cref="TaskChangeNotifier"/>). Clients only
/// listen; messages go to <c>Clients.User</c>, so one user never hears of another's tasks, and
/// with Redis configured the backplane carries them across nodes.
/// </summary>
[Authorize]
public sealed class TasksHub(IHostApplicationLifetime lifetime) : Hub
{
    /// <summary>
    /// SignalR closes its connections when the app stops, and the pages reconnect at once. A
    /// connection that lands while the app is stopping is ended, or it would hold the shutdown
    /// open until the host's timeout; the page tries again against the next process.
    /// </summary>
    public override Task OnConnectedAsync()
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            Context.Abort();
        }

        return Task.CompletedTask;
    }
}
