namespace TaskChat.Web.Usage;

// The wire shapes of GET /api/v1/usage (snake_case on the wire). Dates are calendar dates in the
// user's time zone; "from" and "to" are the first and last day of the period, both included.

public sealed record UsageReport(
    DateOnly From,
    DateOnly To,
    int Turns,
    int TasksCreated,
    int TasksCompleted,
    IReadOnlyList<ToolCallUsage> ToolCalls,
    IReadOnlyList<DayUsage> PerDay,
    IReadOnlyList<ModelUsage> Models);

public sealed record ToolCallUsage(string Name, int Succeeded, int Failed, int NeedsConfirmation)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Total => Succeeded + Failed + NeedsConfirmation;
}

public sealed record DayUsage(DateOnly Date, int Turns, int TasksCreated, int TasksCompleted);

/// <summary>
/// One provider and model. Replies stored before the usage columns existed have neither and are
/// counted under a null provider and model; their tokens and latency are unknown, not zero.
/// </summary>
public sealed record ModelUsage(
    string? Provider,
    string? Model,
    int Turns,
    long InputTokens,
    long OutputTokens,
    long? FirstTokenMsP50,
    long? FirstTokenMsP95);
