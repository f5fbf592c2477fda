using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Turns;

/// <summary>Step 3 of a turn: the user's message is made durable before anything else happens.</summary>
internal static class TurnCommit
{
    /// <summary>
    /// The user's conversation (null for a missing one and for someone else's), tracked so the
    /// commit can bump its counter; whether a reply in it is still marked streaming; and whether
    /// the send repeats a client_message_id already stored in it. One query: every round trip
    /// here is time the user waits for the first token.
    /// </summary>
    public static async Task<ConversationForTurn?> FindConversationAsync(
        TaskChatDbContext db, Guid userId, Guid conversationId, string? clientMessageId, CancellationToken cancellationToken)
    {
        return await db.Conversations
            .Where(c => c.Id == conversationId && c.UserId == userId)
            .Select(c => new ConversationForTurn(
                c,
                c.Messages.Any(m => m.Status == MessageStatus.Streaming),
                clientMessageId != null && c.Messages.Any(m => m.ClientMessageId == clientMessageId)))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Inserts the user's message (completed) and the assistant's (streaming) with the next two
    /// sequence numbers, and the conversation's bumped counter, in one batch: one round trip and
    /// a commit. Two sends that race for the same numbers cannot both land: the unique index on
    /// (conversation_id, sequence_number) refuses the second, and the one on
    /// (conversation_id, client_message_id) a racing repeat. Both surface as DbUpdateException.
    /// </summary>
    public static async Task<(Message User, Message Assistant)> CommitAsync(
        TaskChatDbContext db, Conversation conversation, bool hasStreamingReply, string text, string? clientMessageId, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.UtcNowForStorage();
        if (db.Entry(conversation).State == EntityState.Detached)
        {
            db.Conversations.Add(conversation);
        }
        else if (hasStreamingReply)
        {
            // This node holds the conversation's lease, so a reply still marked streaming was
            // left by a process that died; it can no longer finish. The check runs again here,
            // under the lease: a reply that completed since the hint was read stays completed.
            await db.Messages.Where(m => m.ConversationId == conversation.Id && m.Status == MessageStatus.Streaming)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Interrupted), cancellationToken);
        }

        conversation.LastSequenceNumber += 2;
        conversation.UpdatedAt = now;
        var user = new Message
        {
            ConversationId = conversation.Id,
            SequenceNumber = conversation.LastSequenceNumber - 1,
            Role = MessageRole.User,
            Content = text,
            Status = MessageStatus.Completed,
            ClientMessageId = clientMessageId,
            CreatedAt = now,
            CompletedAt = now,
        };
        var assistant = new Message
        {
            ConversationId = conversation.Id,
            SequenceNumber = conversation.LastSequenceNumber,
            Role = MessageRole.Assistant,
            Status = MessageStatus.Streaming,
            CreatedAt = now,
        };
        db.Messages.AddRange(user, assistant);
        await db.SaveChangesAsync(cancellationToken);
        return (user, assistant);
    }

    /// <summary>The turn a repeated <c>client_message_id</c> already started, if any.</summary>
    public static async Task<TurnStart?> FindRepeatAsync(TaskChatDbContext db, Guid userId, TurnRequest request, CancellationToken cancellationToken)
    {
        if (request.ClientMessageId is not { } clientMessageId)
        {
            return null;
        }

        var userMessage = await db.Messages.AsNoTracking()
            .Where(m => m.ClientMessageId == clientMessageId && m.Conversation!.UserId == userId)
            .Where(m => request.ConversationId == null || m.ConversationId == request.ConversationId)
            .OrderByDescending(m => m.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (userMessage is null)
        {
            return null;
        }

        var reply = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == userMessage.ConversationId && m.SequenceNumber == userMessage.SequenceNumber + 1)
            .Select(m => new { m.Id, m.SequenceNumber })
            .FirstAsync(cancellationToken);
        return new TurnStart(userMessage.ConversationId, reply.Id, EventNumbers.First(reply.SequenceNumber), null);
    }
}
