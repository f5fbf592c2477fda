using TaskChat.Web.Identity;

namespace TaskChat.Web.Chat;

public sealed class Conversation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public AppUser? User { get; set; }
    public required string Title { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// The last message sequence number handed out; bumped inside the insert's transaction so
    /// concurrent sends on one conversation still get strictly increasing numbers.
    /// </summary>
    public int LastSequenceNumber { get; set; }

    public List<Message> Messages { get; set; } = [];
}
