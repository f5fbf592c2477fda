using System.Collections.Concurrent;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// The turns running on this node, so they can be stopped. A turn is not tied to any
/// client connection: it only ends by finishing, by <c>StopGeneration</c>, or by shutdown.
/// </summary>
public sealed class TurnRegistry : IDisposable
{
    private readonly ConcurrentDictionary<Guid, RunningTurn> running = new();
    private readonly ConcurrentDictionary<(Guid UserId, string ClientMessageId), RunningTurn> sends = new();
    private readonly CancellationTokenRegistration stopping;

    public TurnRegistry(IHostApplicationLifetime lifetime) =>
        stopping = lifetime.ApplicationStopping.Register(() =>
        {
            foreach (var turn in running.Values)
            {
                turn.Interrupt();
            }
        });

    /// <summary>
    /// Claims the conversation on this node for a new turn. Fails when a turn already runs in
    /// it; when that turn is the same send (a retry racing its original), returns it as
    /// <paramref name="sameSend"/> so the retry can follow it instead of being refused.
    /// </summary>
    internal RunningTurn? TryClaim(Guid userId, Guid conversationId, string? clientMessageId, out RunningTurn? sameSend)
    {
        sameSend = null;
        var turn = new RunningTurn(clientMessageId is null ? null : (userId, clientMessageId));
        if (turn.SendKey is { } key && !sends.TryAdd(key, turn))
        {
            sends.TryGetValue(key, out sameSend);
            return null;
        }

        if (!running.TryAdd(conversationId, turn))
        {
            Release(turn);
            return null;
        }

        return turn;
    }

    internal void Remove(Guid conversationId, RunningTurn turn)
    {
        running.TryRemove(KeyValuePair.Create(conversationId, turn));
        Release(turn);
    }

    private void Release(RunningTurn turn)
    {
        if (turn.SendKey is { } key)
        {
            sends.TryRemove(KeyValuePair.Create(key, turn));
        }
    }

    public bool IsRunning(Guid conversationId) => running.ContainsKey(conversationId);

    /// <summary>Stops the conversation's turn if it runs here; the partial text is kept as cancelled.</summary>
    public bool Stop(Guid conversationId)
    {
        if (!running.TryGetValue(conversationId, out var turn))
        {
            return false;
        }

        turn.Stop();
        return true;
    }

    /// <summary>Waits (bounded) for the running turns to write their final state, for a graceful shutdown.</summary>
    public Task DrainAsync(TimeSpan timeout) =>
        Task.WhenAny(Task.WhenAll(running.Values.Select(turn => turn.Completion)), Task.Delay(timeout));

    public void Dispose() => stopping.Dispose();
}
