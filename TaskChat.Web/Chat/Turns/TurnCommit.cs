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
        return await ConversationQuery(db, userId, conversationId, clientMessageId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The query of <see cref="FindConversationAsync"/>; the streaming check reads a partial index of streaming replies.</summary>
    internal static IQueryable<ConversationForTurn> ConversationQuery(TaskChatDbContext db, Guid userId, Guid conversationId, string? clientMessageId) =>
        db.Conversations
            .Where(c => c.Id == conversationId && c.UserId == userId)
            .Select(c => new ConversationForTurn(
                c,
                c.Messages.Any(m => m.Status == MessageStatus.Streaming),
                clientMessageId != null && c.Messages.Any(m => m.ClientMessageId == clientMessageId),
                c.Messages.Any(m => m.ToolCalls.Any(t => t.Status == ToolCallStatus.NeedsConfirmation))));

    /// <summary>
    /// Inserts the user's message (completed) and the assistant's (streaming) with the next two
    /// sequence numbers, and the conversation's bumped counter and current branch, in one batch:
    /// one round trip and a commit. Two sends that race for the same numbers cannot both land:
    /// the unique index on (conversation_id, sequence_number) refuses the second, and the one on
    /// (conversation_id, client_message_id) a racing repeat. Both surface as DbUpdateException.
    /// A regenerated reply inserts only the assistant's message, which then carries the
    /// client_message_id; sequence numbers stay unique per conversation, so a branch simply
    /// takes the next ones (and the events of its turn are numbered from them).
    /// </summary>
    public static async Task<(Message User, Message Assistant)> CommitAsync(
        TaskChatDbContext db, Conversation conversation, bool hasStreamingReply, TurnRequest request, string text, TurnPlacement placement,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.UtcNowForStorage();
        if (db.Entry(conversation).State == EntityState.Detached)
        {
            db.Conversations.Add(conversation);
        }
        else
        {
            await SettleAsync(db, conversation.Id, hasStreamingReply, request.Branches, cancellationToken);
        }

        var user = placement.ExistingUser ?? new Message
        {
            ConversationId = conversation.Id,
            ParentId = placement.ParentId,
            SequenceNumber = ++conversation.LastSequenceNumber,
            Role = MessageRole.User,
            Content = text,
            Status = MessageStatus.Completed,
            ClientMessageId = request.ClientMessageId,
            CreatedAt = now,
            CompletedAt = now,
        };
        var assistant = new Message
        {
            ConversationId = conversation.Id,
            ParentId = user.Id,
            SequenceNumber = ++conversation.LastSequenceNumber,
            Role = MessageRole.Assistant,
            Status = MessageStatus.Streaming,
            ClientMessageId = placement.ExistingUser is null ? null : request.ClientMessageId,
            CreatedAt = now,
        };
        conversation.UpdatedAt = now;
        conversation.CurrentMessageId = assistant.Id;
        Message[] inserted = placement.ExistingUser is null ? [user, assistant] : [assistant];
        db.Messages.AddRange(inserted);
        await db.SaveChangesAsync(cancellationToken);
        return (user, assistant);
    }

    private static async Task SettleAsync(TaskChatDbContext db, Guid conversationId, bool hasStreamingReply, bool branches, CancellationToken cancellationToken)
    {
        if (hasStreamingReply)
        {
            // This node holds the conversation's lease, so a reply still marked streaming was
            // left by a process that died; it can no longer finish. The check runs again here,
            // under the lease: a reply that completed since the hint was read stays completed.
            await db.Messages.Where(m => m.ConversationId == conversationId && m.Status == MessageStatus.Streaming)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Interrupted), cancellationToken);
        }

        if (branches)
        {
            // A deletion proposed on the branch being left is never carried out: an open
            // proposal only ever lives on the current branch, where a "yes" can answer it.
            await db.ToolCalls.Where(t => t.Message!.ConversationId == conversationId && t.Status == ToolCallStatus.NeedsConfirmation)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, ToolCallStatus.Declined), cancellationToken);
        }
    }

    /// <summary>The turn a repeated <c>client_message_id</c> already started, if any.</summary>
    public static async Task<TurnStart?> FindRepeatAsync(TaskChatDbContext db, Guid userId, TurnRequest request, CancellationToken cancellationToken)
    {
        if (request.ClientMessageId is not { } clientMessageId)
        {
            return null;
        }

        var userMessage = await RepeatQuery(db, userId, clientMessageId, request.ConversationId)
            .OrderByDescending(m => m.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (userMessage is null)
        {
            return null;
        }

        // A regenerated reply carries its own client_message_id.
        if (userMessage.Role == MessageRole.Assistant)
        {
            return new TurnStart(userMessage.ConversationId, userMessage.Id, EventNumbers.First(userMessage.SequenceNumber), null);
        }

        var reply = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == userMessage.ConversationId && m.SequenceNumber == userMessage.SequenceNumber + 1)
            .Select(m => new { m.Id, m.SequenceNumber })
            .FirstAsync(cancellationToken);
        return new TurnStart(userMessage.ConversationId, reply.Id, EventNumbers.First(reply.SequenceNumber), null);
    }

    /// <summary>
    /// The user's messages with this client_message_id, in one conversation or in all of theirs
    /// (a first send retried before it learnt its conversation id). Sought by the index on
    /// client_message_id: the (conversation_id, client_message_id) one cannot serve a lookup
    /// across conversations, which scanned every message of the database.
    /// </summary>
    internal static IQueryable<Message> RepeatQuery(TaskChatDbContext db, Guid userId, string clientMessageId, Guid? conversationId)
    {
        var messages = db.Messages.AsNoTracking().Where(m => m.ClientMessageId == clientMessageId && m.Conversation!.UserId == userId);
        return conversationId is { } id ? messages.Where(m => m.ConversationId == id) : messages;
    }
}
