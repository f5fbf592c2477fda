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
public sealed class TasksHub : Hub;

/// <summary>The <c>tasks_changed</c> message: which task numbers changed (empty: "anything may have", e.g. a new time zone).</summary>
public sealed record TasksChangedMessage(IReadOnlyList<int> Numbers);
