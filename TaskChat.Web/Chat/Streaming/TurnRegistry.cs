using System.Collections.Concurrent;

namespace TaskChat.Web.Chat.Streaming;

/// <summary>
/// The turns running on this node, so they can be stopped. A turn is not tied to any
/// client connection: it only ends by finishing, by <c>StopGeneration</c>, or by shutdown.
/// </summary>
public sealed class TurnRegistry : IDisposable
{
    private readonly ConcurrentDictionary<Guid, RunningTurn> running = new();
    private readonly CancellationTokenRegistration stopping;

    public TurnRegistry(IHostApplicationLifetime lifetime) =>
        stopping = lifetime.ApplicationStopping.Register(() =>
        {
            foreach (var turn in running.Values)
            {
                turn.Interrupt();
            }
        });

    /// <summary>Claims the conversation on this node; null when a turn already runs in it.</summary>
    internal RunningTurn? TryClaim(Guid conversationId)
    {
        var turn = new RunningTurn();
        return running.TryAdd(conversationId, turn) ? turn : null;
    }

    internal void Remove(Guid conversationId, RunningTurn turn) =>
        running.TryRemove(KeyValuePair.Create(conversationId, turn));

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

internal sealed class RunningTurn
{
    private readonly CancellationTokenSource cancellation = new();
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CancellationToken Token => cancellation.Token;
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
        completion.TrySetResult();
        cancellation.Dispose();
    }
}
