using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Turns;

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
