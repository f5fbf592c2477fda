using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// One turn at a time per conversation: claimed on this node (<see cref="TurnRegistry"/>) and
/// across nodes (<see cref="ITurnLeases"/>) before anything is written, released when the turn
/// has saved its end.
/// </summary>
public sealed class TurnClaims(TurnRegistry registry, ITurnLeases leases, ILogger<TurnClaims> logger)
{
    /// <summary>
    /// The claim, or none; then <c>SameSend</c> is the running turn when the refused send
    /// repeats its client_message_id (a retry racing its original).
    /// </summary>
    internal async Task<(RunningTurn? Claim, RunningTurn? SameSend)> TryClaimAsync(Guid userId, Conversation conversation, string? clientMessageId)
    {
        var running = registry.TryClaim(userId, conversation.Id, clientMessageId, out var sameSend);
        if (running is null)
        {
            return (null, sameSend);
        }

        // Other nodes too: the lease is what makes a reply left 'streaming' in the database safe
        // to call dead (TurnCommit.CommitAsync) rather than another node's live turn.
        if (!await leases.TryAcquireAsync(conversation.Id))
        {
            registry.Remove(conversation.Id, running);
            running.Finished();
            return (null, null);
        }

        return (running, null);
    }

    internal async Task ReleaseAsync(Guid conversationId, RunningTurn running)
    {
        registry.Remove(conversationId, running);
        running.Finished();
        try
        {
            await leases.ReleaseAsync(conversationId);
        }
        catch (Exception exception)
        {
            // Never let a lost release keep message_completed from the watchers: the lease
            // expires on its own.
            logger.LogWarning(exception, "Could not release the lease on conversation {ConversationId}", conversationId);
        }
    }
}
