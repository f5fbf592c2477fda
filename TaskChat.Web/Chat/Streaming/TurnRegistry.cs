using System.Collections.Concurrent;

namespace TaskChat.Web.Chat.Streaming;

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

internal sealed class RunningTurn((Guid UserId, string ClientMessageId)? sendKey)
{
    private readonly CancellationTokenSource cancellation = new();
    private readonly TaskCompletionSource<TurnStart?> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public (Guid UserId, string ClientMessageId)? SendKey { get; } = sendKey;
    public CancellationToken Token => cancellation.Token;

    /// <summary>The turn once it is committed and announced; null if it never got that far.</summary>
    public Task<TurnStart?> Started => started.Task;

    public void Announced(TurnStart start) => started.TrySetResult(start);
    public Task Completion => completion.Task;

    /// <summary>Why the turn was cancelled decides its final status.</summary>
    public MessageStatus CancelledStatus { get; private set; } = MessageStatus.Cancelled;

    public void Stop() => cancellation.Cancel();

    public void Interrupt()
    {
        CancelledStatus = MessageStatus.Interrupted;
        cancellation.Cancel();
    }

    public void Finished()
    {
        started.TrySetResult(null);
        completion.TrySetResult();

        // Not disposed: Stop or Interrupt may still hold this turn as it finishes, and a
        // cancellation source without a timer holds nothing that needs releasing.
    }
}
