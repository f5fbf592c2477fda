namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>
/// Which tasks a question is about. Dates are inclusive, in the user's zone; <see cref="Overdue"/>
/// means open tasks due before today.
/// </summary>
public sealed record ListQuery(
    string Status = "all",
    DateOnly? From = null,
    DateOnly? To = null,
    bool Overdue = false,
    string? List = null,
    string? Priority = null)
{
    public static readonly ListQuery Everything = new();

    /// <summary>A compact form for tests: "status=open;due=2026-12-01..2026-12-07;list=Work".</summary>
    public override string ToString()
    {
        var parts = new List<string> { $"status={Status}" };
        if (Overdue)
        {
            parts.Add("overdue");
        }

        if (From is not null || To is not null)
        {
            parts.Add($"due={From:yyyy-MM-dd}..{To:yyyy-MM-dd}");
        }

        if (List is not null)
        {
            parts.Add($"list={List}");
        }

        if (Priority is not null)
        {
            parts.Add($"priority={Priority}");
        }

        return string.Join(";", parts);
    }
}
