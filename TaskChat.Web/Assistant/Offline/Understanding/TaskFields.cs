namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>
/// The fields a request sets on a task. Null means "not mentioned"; clearing a due date or a list
/// is said with <see cref="ClearDueDate"/> and <see cref="ClearList"/>;
/// <see cref="ShiftDays"/> moves the due date ("postpone it by a week").
/// </summary>
public sealed record TaskFields(
    string? Title = null,
    string? Description = null,
    DateOnly? DueDate = null,
    string? Priority = null,
    string? List = null,
    bool ClearDueDate = false,
    bool ClearList = false,
    int? ShiftDays = null)
{
    public static readonly TaskFields None = new();

    public bool IsEmpty => this == None;

    /// <summary>A compact form for tests and logs: "title=Call mom;due=2026-12-02;priority=high".</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        Add(parts, "title", Title);
        Add(parts, "description", Description);
        Add(parts, "due", ClearDueDate ? "none" : DueDate?.ToString("yyyy-MM-dd"));
        Add(parts, "priority", Priority);
        Add(parts, "list", ClearList ? "none" : List);
        Add(parts, "shift", ShiftDays?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return string.Join(";", parts);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (value is not null)
        {
            parts.Add($"{name}={value}");
        }
    }
}
