using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Branches;

/// <summary>
/// The shape of a conversation: every message's id, parent and sequence number, without text.
/// Branches are worked out from it in memory: a few hundred small rows cost less than a
/// recursive query per question, and the same code serves both providers.
/// </summary>
public sealed class ConversationTree
{
    private readonly Dictionary<Guid, TreeNode> nodes;
    private readonly ILookup<Guid?, TreeNode> children;

    private ConversationTree(List<TreeNode> all)
    {
        nodes = all.ToDictionary(n => n.Id);
        children = all.OrderBy(n => n.SequenceNumber).ToLookup(n => n.ParentId);
    }

    public static async Task<ConversationTree> LoadAsync(TaskChatDbContext db, Guid conversationId, CancellationToken cancellationToken)
    {
        var all = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .Select(m => new TreeNode(m.Id, m.ParentId, m.SequenceNumber))
            .ToListAsync(cancellationToken);
        return new ConversationTree(all);
    }

    public bool Contains(Guid messageId) => nodes.ContainsKey(messageId);

    /// <summary>The newest message of the whole conversation: the branch shown when none was chosen.</summary>
    public Guid? Newest => nodes.Count == 0 ? null : nodes.Values.MaxBy(n => n.SequenceNumber)!.Id;

    /// <summary>The branch ending at <paramref name="leafId"/>, oldest first.</summary>
    public List<TreeNode> PathTo(Guid? leafId)
    {
        var path = new List<TreeNode>();
        for (var id = leafId; id is { } current && nodes.TryGetValue(current, out var node); id = node.ParentId)
        {
            path.Add(node);
        }

        path.Reverse();
        return path;
    }

    /// <summary>The leaf reached from <paramref name="messageId"/> by always taking the newest child.</summary>
    public Guid LeafFrom(Guid messageId)
    {
        var id = messageId;
        while (children[id].LastOrDefault() is { } newest)
        {
            id = newest.Id;
        }

        return id;
    }

    /// <summary>The children of a message's parent, the message among them, oldest first.</summary>
    public List<Guid> SiblingsOf(Guid messageId) => [.. children[nodes[messageId].ParentId].Select(n => n.Id)];
}
