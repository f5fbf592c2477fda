using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Branches;

/// <summary>
/// <c>PUT .../branch</c>: the branch through a message becomes the conversation's current one,
/// stored on the conversation, so it is the same after a reload, on another device and after a
/// restart. Below the chosen message the branch follows the newest version at each step.
/// </summary>
public sealed class BranchSwitcher(TaskChatDbContext db)
{
    public async Task<BranchSwitchOutcome> SwitchAsync(Guid userId, Guid conversationId, Guid messageId, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == conversationId && c.UserId == userId, cancellationToken);
        if (conversation is null)
        {
            return BranchSwitchOutcome.ConversationNotFound;
        }

        var tree = await ConversationTree.LoadAsync(db, conversationId, cancellationToken);
        if (!tree.Contains(messageId))
        {
            return BranchSwitchOutcome.MessageNotFound;
        }

        if (await db.Messages.AnyAsync(m => m.ConversationId == conversationId && m.Status == MessageStatus.Streaming, cancellationToken))
        {
            return BranchSwitchOutcome.ReplyStreaming;
        }

        var leaf = tree.LeafFrom(messageId);
        if (leaf == conversation.CurrentMessageId)
        {
            return BranchSwitchOutcome.Switched;
        }

        // A deletion proposed on the branch being left is never carried out (see TurnCommit):
        // a "yes" typed on another branch must not answer it.
        var kept = tree.PathTo(leaf).Select(n => n.Id).ToList();
        await db.ToolCalls
            .Where(t => t.Message!.ConversationId == conversationId && t.Status == ToolCallStatus.NeedsConfirmation && !kept.Contains(t.MessageId))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, ToolCallStatus.Declined), cancellationToken);
        conversation.CurrentMessageId = leaf;
        await db.SaveChangesAsync(cancellationToken);
        return BranchSwitchOutcome.Switched;
    }
}
