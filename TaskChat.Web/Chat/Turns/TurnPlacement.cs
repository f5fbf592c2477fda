using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// Where a turn's messages go in the conversation's tree: under <see cref="ParentId"/> (the
/// current branch's newest message for a send, the edited message's parent for an edit). A
/// regenerated reply has no new user message: it answers <see cref="ExistingUser"/> again.
/// </summary>
internal sealed record TurnPlacement(Guid? ParentId, Message? ExistingUser)
{
    public static readonly TurnPlacement NewConversation = new(null, null);

    /// <summary>Where the request's turn goes in <paramref name="conversation"/>, or why it cannot go anywhere.</summary>
    public static async Task<(TurnPlacement? Placement, TurnStart? Refusal)> FindAsync(
        TaskChatDbContext db, Conversation conversation, TurnRequest request, CancellationToken cancellationToken)
    {
        if (request.EditOf is { } editedId)
        {
            var edited = await FindMessageAsync(db, conversation.Id, editedId, MessageRole.User, cancellationToken);
            return edited is null ? (null, Missing(conversation.Id)) : (new TurnPlacement(edited.ParentId, null), null);
        }

        if (request.RegenerateOf is { } replyId)
        {
            var reply = await FindMessageAsync(db, conversation.Id, replyId, MessageRole.Assistant, cancellationToken);
            var user = reply?.ParentId is { } userId ? await FindMessageAsync(db, conversation.Id, userId, MessageRole.User, cancellationToken) : null;
            return user is null ? (null, Missing(conversation.Id)) : (new TurnPlacement(user.Id, user), null);
        }

        // A send extends the branch the user is on.
        var current = conversation.CurrentMessageId ?? await db.Messages
            .Where(m => m.ConversationId == conversation.Id)
            .OrderByDescending(m => m.SequenceNumber)
            .Select(m => (Guid?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return (new TurnPlacement(current, null), null);
    }

    private static Task<Message?> FindMessageAsync(TaskChatDbContext db, Guid conversationId, Guid messageId, MessageRole role, CancellationToken cancellationToken) =>
        db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId && m.ConversationId == conversationId && m.Role == role, cancellationToken);

    private static TurnStart Missing(Guid conversationId) =>
        TurnStart.Refused(conversationId, ChatErrorCodes.MessageNotFound, "That message does not exist in this conversation.");
}
