using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Chat.Branches;
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
    public const int DefaultListSize = 50;
    public const int MaxListSize = 200;

    public Task<Conversation?> FindAsync(Guid userId, Guid conversationId, CancellationToken cancellationToken = default) =>
        db.Conversations.FirstOrDefaultAsync(c => c.Id == conversationId && c.UserId == userId, cancellationToken);

    /// <summary>
    /// A page of the user's conversations, pinned first, then most recently updated (keyset on
    /// that order, so a page never repeats or skips one when others change meanwhile).
    /// </summary>
    public async Task<ConversationPage> ListAsync(Guid userId, ConversationCursor? after = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        var size = Math.Clamp(limit ?? DefaultListSize, 1, MaxListSize);
        var query = db.Conversations.AsNoTracking().Where(c => c.UserId == userId);
        if (after is { } cursor)
        {
            var (pinned, updated, id) = (cursor.IsPinned, cursor.UpdatedAt, cursor.Id);
            // Pinned rows come first: after a pinned one, every unpinned row is still to come.
            query = pinned ? query.Where(c => !c.IsPinned || (c.UpdatedAt < updated || (c.UpdatedAt == updated && c.Id < id)))
                : query.Where(c => !c.IsPinned && (c.UpdatedAt < updated || (c.UpdatedAt == updated && c.Id < id)));
        }

        var rows = await query
            .OrderByDescending(c => c.IsPinned).ThenByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id)
            .Take(size + 1)
            .Select(c => new ConversationDto(c.Id, c.Title, c.CreatedAt, c.UpdatedAt, c.IsPinned))
            .ToListAsync(cancellationToken);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? new ConversationCursor(page[^1].IsPinned, page[^1].UpdatedAt, page[^1].Id).Encode() : null;
        return new ConversationPage(page, next);
    }

    /// <summary>
    /// A page of the conversation's current branch, oldest first, strictly before
    /// <paramref name="before"/> (keyset on the sequence number, not offset).
    /// </summary>
    public async Task<MessagePage?> PageAsync(
        Guid userId, Guid conversationId, int? before, int? limit, CancellationToken cancellationToken = default)
    {
        var current = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId && c.UserId == userId)
            .Select(c => new { c.CurrentMessageId })
            .FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return null;
        }

        var size = Math.Clamp(limit ?? DefaultPageSize, 1, MaxPageSize);
        var tree = await ConversationTree.LoadAsync(db, conversationId, cancellationToken);
        var branch = tree.PathTo(current.CurrentMessageId is { } leaf && tree.Contains(leaf) ? leaf : tree.Newest)
            .Where(n => before is not { } sequence || n.SequenceNumber < sequence)
            .ToList();
        var ids = branch.TakeLast(size).Select(n => n.Id).ToList();
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && ids.Contains(m.Id))
            .Include(m => m.ToolCalls)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var page = messages.OrderBy(m => m.SequenceNumber).Select(m => BranchInfo.WithSiblings(MessageMapping.ToDto(m), tree)).ToList();
        return new MessagePage(page, branch.Count > size);
    }

    public async Task<MessageDto?> FindMessageAsync(Guid userId, Guid messageId, CancellationToken cancellationToken = default)
    {
        var message = await db.Messages.AsNoTracking()
            .Include(m => m.ToolCalls)
            .FirstOrDefaultAsync(m => m.Id == messageId && m.Conversation!.UserId == userId, cancellationToken);
        if (message is null)
        {
            return null;
        }

        var tree = await ConversationTree.LoadAsync(db, message.ConversationId, cancellationToken);
        return BranchInfo.WithSiblings(MessageMapping.ToDto(message), tree);
    }

    public async Task<Conversation?> UpdateAsync(Guid userId, Guid conversationId, string? title, bool? isPinned, CancellationToken cancellationToken = default)
    {
        var conversation = await FindAsync(userId, conversationId, cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        if (title is not null)
        {
            // A rename moves the conversation up the list; pinning alone does not.
            conversation.Title = StorableText.Clean(title).Trim();
            conversation.UpdatedAt = time.UtcNowForStorage();
        }

        conversation.IsPinned = isPinned ?? conversation.IsPinned;
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
