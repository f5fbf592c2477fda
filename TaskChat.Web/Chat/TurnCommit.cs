using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Chat.Streaming;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat;

/// <summary>Step 3 of a turn: the user's message is made durable before anything else happens.</summary>
internal static class TurnCommit
{
    /// <summary>
    /// Inserts the user's message (completed) and the assistant's (streaming) with the next
    /// two sequence numbers. The counter is bumped inside the transaction, which serializes
    /// concurrent sends on the conversation's row.
    /// </summary>
    public static async Task<(Message User, Message Assistant)> CommitAsync(
        TaskChatDbContext db, Conversation conversation, string text, string? clientMessageId, TimeProvider time, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            var now = time.UtcNowForStorage();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            int last;
            if (db.Entry(conversation).State == EntityState.Detached)
            {
                conversation.LastSequenceNumber = 2;
                conversation.UpdatedAt = now;
                db.Conversations.Add(conversation);
                await db.SaveChangesAsync(cancellationToken);
                last = 2;
            }
            else
            {
                await db.Conversations.Where(c => c.Id == conversation.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.LastSequenceNumber, c => c.LastSequenceNumber + 2)
                    .SetProperty(c => c.UpdatedAt, now), cancellationToken);
                last = await db.Conversations.Where(c => c.Id == conversation.Id)
                    .Select(c => c.LastSequenceNumber).SingleAsync(cancellationToken);

                // This node holds the conversation's lease, so a reply still marked streaming
                // was left by a process that died; it can no longer finish.
                await db.Messages.Where(m => m.ConversationId == conversation.Id && m.Status == MessageStatus.Streaming)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Interrupted), cancellationToken);
            }

            var user = new Message
            {
                ConversationId = conversation.Id,
                SequenceNumber = last - 1,
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
                SequenceNumber = last,
                Role = MessageRole.Assistant,
                Status = MessageStatus.Streaming,
                CreatedAt = now,
            };
            db.Messages.AddRange(user, assistant);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (user, assistant);
        });
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
