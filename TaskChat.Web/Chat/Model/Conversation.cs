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

    public List<Message> Messages { get; set; } = [];
}
