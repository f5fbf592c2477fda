namespace TaskChat.Web.Usage;

/// <summary>
/// GET /api/v1/usage (snake_case on the wire). Dates are calendar dates in the user's time zone;
/// <see cref="From"/> and <see cref="To"/> are the first and last day of the period, both included.
/// </summary>
public sealed record UsageReport(
    DateOnly From,
    DateOnly To,
    int Turns,
    int TasksCreated,
    int TasksCompleted,
    IReadOnlyList<ToolCallUsage> ToolCalls,
    IReadOnlyList<DayUsage> PerDay,
    IReadOnlyList<ModelUsage> Models);
