using TaskChat.Web.Identity;

namespace TaskChat.Web.Tasks;

public sealed class TaskItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public AppUser? User { get; set; }

    /// <summary>Per-user number people and the assistant use ("task 1"); never reused.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }
    public string? Description { get; set; }
    public bool IsCompleted { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
