namespace TaskChat.Web.Tasks;

/// <summary>
/// A new task as a caller sent it: the fields are still text (a due date as <c>YYYY-MM-DD</c>, a
/// priority name), so the REST API, the page and the tools all get the same checks and messages.
/// </summary>
public sealed record TaskInput(
    string? Title,
    string? Description = null,
    string? DueDate = null,
    string? Priority = null,
    string? List = null);

/// <summary>
/// A change to a task. A null title, description, priority or completion leaves that field as it
/// is; the due date and the list can also be cleared, so for them "sent" and "the value" are apart.
/// </summary>
public sealed record TaskChanges
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public bool? IsCompleted { get; init; }
    public string? Priority { get; init; }

    public bool SetsDueDate { get; init; }

    /// <summary>With <see cref="SetsDueDate"/>: the new due date, or null to clear it.</summary>
    public string? DueDate { get; init; }

    public bool SetsList { get; init; }

    /// <summary>With <see cref="SetsList"/>: the new list, or null to take the task off its list.</summary>
    public string? List { get; init; }

    public bool IsEmpty =>
        Title is null && Description is null && IsCompleted is null && Priority is null && !SetsDueDate && !SetsList;
}
