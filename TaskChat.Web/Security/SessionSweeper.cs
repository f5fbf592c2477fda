namespace TaskChat.Web.Security;

/// <summary>
/// Every few seconds, closes the connections on this node whose session ended elsewhere (the
/// password changed through another node, say) even if they make no call: a watcher sits in
/// one long stream and would otherwise keep receiving events on credentials that are gone.
/// </summary>
internal sealed class SessionSweeper(UserConnections connections, SessionValidator sessions, ILogger<SessionSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A database hiccup must not end the sweeping; the next tick tries again.
                logger.LogWarning(exception, "Checking open hub sessions failed");
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var open = connections.All().ToList();
        await sessions.LoadAsync(open.Select(c => c.UserId).ToList(), cancellationToken);
        foreach (var (userId, connection) in open)
        {
            if (connection.User is not { } user || !await sessions.IsCurrentAsync(user, cancellationToken))
            {
                connections.Remove(userId, connection.ConnectionId);
                connection.Abort();
            }
        }
    }
}
