using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Chat.Branches;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Conversations;
using TaskChat.Web.Data;
using TaskChat.Web.Identity;
using TaskChat.Web.Operations;

namespace TaskChat.Web.Chat.Exports;

/// <summary>
/// One conversation as a file: Markdown of the current branch, for reading (tool calls as one
/// short line each), or JSON of the whole tree, every message of every branch, for keeping.
/// </summary>
public sealed class ConversationExporter(TaskChatDbContext db, ConversationStore store)
{
    public async Task<ConversationExport?> ExportAsync(Guid userId, Guid conversationId, string format, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == conversationId && c.UserId == userId, cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        var name = FileName(conversation.Title);
        if (format == "markdown")
        {
            var branch = await CurrentBranchAsync(userId, conversationId, cancellationToken);
            var zone = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZone).FirstOrDefaultAsync(cancellationToken);
            var markdown = ConversationMarkdown.Write(conversation.Title, branch, TimeZones.Find(zone));
            return new ConversationExport(Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", name + ".md");
        }

        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .Include(m => m.ToolCalls)
            .AsSplitQuery()
            .OrderBy(m => m.SequenceNumber)
            .ToListAsync(cancellationToken);
        var tree = await ConversationTree.LoadAsync(db, conversationId, cancellationToken);
        var document = new
        {
            Id = conversation.Id,
            conversation.Title,
            conversation.CreatedAt,
            conversation.UpdatedAt,
            conversation.CurrentMessageId,
            Messages = messages.Select(m => BranchInfo.WithSiblings(MessageMapping.ToDto(m), tree)).ToList(),
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(document, new JsonSerializerOptions(JsonDefaults.Wire) { WriteIndented = true });
        return new ConversationExport(json, "application/json", name + ".json");
    }

    /// <summary>The whole current branch, oldest first: the listing's pages (at most 200 messages each), newest page first.</summary>
    private async Task<List<MessageDto>> CurrentBranchAsync(Guid userId, Guid conversationId, CancellationToken cancellationToken)
    {
        var branch = new List<MessageDto>();
        int? before = null;
        MessagePage? page;
        do
        {
            page = await store.PageAsync(userId, conversationId, before, ConversationStore.MaxPageSize, cancellationToken);
            if (page is null || page.Messages.Count == 0)
            {
                break;
            }

            branch.InsertRange(0, page.Messages);
            before = page.Messages[0].SequenceNumber;
        }
        while (page.HasMore);

        return branch;
    }

    /// <summary>The title as a file name any system accepts.</summary>
    private static string FileName(string title)
    {
        var safe = new string([.. title.Select(c => char.IsLetterOrDigit(c) ? c : '-')]).Trim('-');
        while (safe.Contains("--", StringComparison.Ordinal))
        {
            safe = safe.Replace("--", "-", StringComparison.Ordinal);
        }

        return safe.Length == 0 ? "conversation" : safe[..Math.Min(safe.Length, 60)].ToLowerInvariant();
    }
}
