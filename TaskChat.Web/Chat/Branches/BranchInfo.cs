using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Conversations;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Branches;

/// <summary>Messages as the wire shows them, with their place among their siblings.</summary>
internal static class BranchInfo
{
    /// <summary>
    /// The DTO of a turn's user message. A plain send is its parent's only child; an edit (or
    /// the message a regenerated reply answers) may have siblings, which takes a look at the tree.
    /// </summary>
    public static async Task<MessageDto> DescribeAsync(TaskChatDbContext db, Message message, bool branches, CancellationToken cancellationToken)
    {
        var dto = MessageMapping.ToDto(message);
        if (!branches)
        {
            return dto;
        }

        var tree = await ConversationTree.LoadAsync(db, message.ConversationId, cancellationToken);
        return WithSiblings(dto, tree);
    }

    public static MessageDto WithSiblings(MessageDto dto, ConversationTree tree)
    {
        if (!tree.Contains(dto.Id))
        {
            return dto;
        }

        var siblings = tree.SiblingsOf(dto.Id);
        return dto with
        {
            SiblingIndex = siblings.IndexOf(dto.Id) + 1,
            SiblingCount = siblings.Count,
            SiblingIds = siblings.Count > 1 ? siblings : null,
        };
    }
}
