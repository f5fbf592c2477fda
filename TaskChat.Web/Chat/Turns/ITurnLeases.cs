namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// Which node runs each conversation's turn, across nodes: one turn at a time per
/// conversation everywhere, a stop request that reaches the node running the turn, and a
/// way to tell a live turn from one a dead process left behind.
/// </summary>
public interface ITurnLeases
{
    ValueTask<bool> TryAcquireAsync(Guid conversationId);

    ValueTask ReleaseAsync(Guid conversationId);

    /// <summary>True while some live node runs a turn in the conversation.</summary>
    ValueTask<bool> IsHeldAsync(Guid conversationId);

    /// <summary>Stops the conversation's turn on whichever node runs it.</summary>
    ValueTask RequestStopAsync(Guid conversationId);
}
