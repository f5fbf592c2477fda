using TaskChat.Web.Identity;

namespace TaskChat.Web.Chat.Model;

public sealed class Conversation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public AppUser? User { get; set; }
    public required string Title { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// The last message sequence number handed out; bumped in the same batch that inserts the
    /// turn's two messages. Two sends racing for the same numbers cannot both land: the unique
    /// index on (conversation_id, sequence_number) refuses the second (see TurnCommit).
    /// </summary>
    public int LastSequenceNumber { get; set; }

    /// <summary>
    /// The newest message of the branch the user is on (a leaf of the tree): new turns extend it
    /// and the listing walks up from it. No foreign key: a conversation and its first messages are
    /// inserted in one batch, which a cycle of keys would forbid.
    /// </summary>
    public Guid? CurrentMessageId { get; set; }

    /// <summary>Pinned conversations come first in the list.</summary>
    public bool IsPinned { get; set; }

    public List<Message> Messages { get; set; } = [];
}
