using Microsoft.AspNetCore.SignalR;

namespace TaskChat.Web.Security;

/// <summary>
/// Keeps <see cref="UserConnections"/> up to date and refuses a call from a connection whose
/// session has ended on another node (its stamp changed there): the connection is closed, as
/// <see cref="UserConnections.AbortAll"/> does for changes made on this node.
/// </summary>
internal sealed class HubSessions(UserConnections connections, SessionValidator sessions) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (UserId(context.Context) is { } userId)
        {
            connections.Add(userId, context.Context);
        }

        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (UserId(context.Context) is { } userId)
        {
            connections.Remove(userId, context.Context.ConnectionId);
        }

        await next(context, exception);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (context.Context.User is not { } user || !await sessions.IsCurrentAsync(user, context.Context.ConnectionAborted))
        {
            context.Context.Abort();
            throw new HubException("session_ended: This session has ended. Sign in again.");
        }

        return await next(context);
    }

    private static Guid? UserId(HubCallerContext context) =>
        Guid.TryParse(context.UserIdentifier, out var userId) ? userId : null;
}
