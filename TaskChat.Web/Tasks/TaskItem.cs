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

    /// <summary>A calendar day in the owner's time zone, not an instant: "due Friday" stays Friday when they travel.</summary>
    public DateOnly? DueDate { get; set; }

    public TaskPriority Priority { get; set; } = TaskPriority.Normal;

    /// <summary>The list's name with the spelling first used for it ("Shopping"); matched case-insensitively.</summary>
    public string? List { get; set; }

    /// <summary>
    /// Set when the task is deleted. The row stays for <see cref="TaskRules.RestoreWindow"/> so that
    /// Undo brings back the same task with its number; a query filter hides it everywhere else and
    /// <see cref="DeletedTaskSweeper"/> removes it for good afterwards.
    /// </summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>The task's values as they are now, detached: what a change reports as "previous".</summary>
    public TaskItem Snapshot() => (TaskItem)MemberwiseClone();
}
