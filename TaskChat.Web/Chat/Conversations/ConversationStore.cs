using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Conversations;

/// <summary>
/// Reads and writes conversations and messages for one user. Every query is filtered by
/// the owner, so someone else's conversation is indistinguishable from a missing one.
/// </summary>
public sealed class ConversationStore(TaskChatDbContext db, TimeProvider time)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public Task<Conversation?> FindAsync(Guid userId, Guid conversationId, CancellationToken cancellationToken = default) =>
        db.Conversations.FirstOrDefaultAsync(c => c.Id == conversationId && c.UserId == userId, cancellationToken);

    public Task<List<ConversationDto>> ListAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.Conversations.AsNoTracking()
            .Where(c => c.UserId == userId)
            .OrderByDescending(c => c.UpdatedAt)
            .Select(c => new ConversationDto(c.Id, c.Title, c.CreatedAt, c.UpdatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>A page of messages, oldest first, strictly before <paramref name="before"/> (keyset, not offset).</summary>
    public async Task<MessagePage?> PageAsync(
        Guid userId, Guid conversationId, int? before, int? limit, CancellationToken cancellationToken = default)
    {
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId && c.UserId == userId, cancellationToken))
        {
            return null;
        }

        var size = Math.Clamp(limit ?? DefaultPageSize, 1, MaxPageSize);
        var query = db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId);
        if (before is { } sequence)
        {
            query = query.Where(m => m.SequenceNumber < sequence);
        }

        var newestFirst = await query
            .OrderByDescending(m => m.SequenceNumber)
            .Take(size + 1)
            .Include(m => m.ToolCalls)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var page = newestFirst.Take(size).OrderBy(m => m.SequenceNumber).Select(MessageMapping.ToDto).ToList();
        return new MessagePage(page, newestFirst.Count > size);
    }

    public async Task<MessageDto?> FindMessageAsync(Guid userId, Guid messageId, CancellationToken cancellationToken = default)
    {
        var message = await db.Messages.AsNoTracking()
            .Include(m => m.ToolCalls)
            .FirstOrDefaultAsync(m => m.Id == messageId && m.Conversation!.UserId == userId, cancellationToken);
        return message is null ? null : MessageMapping.ToDto(message);
    }

    public async Task<Conversation?> RenameAsync(Guid userId, Guid conversationId, string title, CancellationToken cancellationToken = default)
    {
        var conversation = await FindAsync(userId, conversationId, cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        conversation.Title = title.Trim();
        conversation.UpdatedAt = time.UtcNowForStorage();
        await db.SaveChangesAsync(cancellationToken);
        return conversation;
    }

    public async Task<bool> DeleteAsync(Guid userId, Guid conversationId, CancellationToken cancellationToken = default)
    {
        // Messages and tool calls go with it (cascading foreign keys).
        var deleted = await db.Conversations
            .Where(c => c.Id == conversationId && c.UserId == userId)
            .ExecuteDeleteAsync(cancellationToken);
        return deleted > 0;
    }
}
