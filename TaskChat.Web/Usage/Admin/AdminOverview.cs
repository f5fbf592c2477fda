namespace TaskChat.Web.Usage.Admin;

/// <summary>
/// Everyone's figures, for operators: counts, rates and timings only. It names no conversation
/// and holds no message text, so an admin learns how the service runs, not what anyone wrote.
/// </summary>
public sealed record AdminOverview(
    DateOnly From,
    DateOnly To,
    int Users,
    int NewUsers,
    IReadOnlyList<ActiveUsersDay> ActiveUsersPerDay,
    int Turns,
    int FailedTurns,
    int InterruptedTurns,
    IReadOnlyList<ToolCallUsage> ToolCalls,
    IReadOnlyList<ModelUsage> Models,
    IReadOnlyList<SlowFirstToken> SlowestFirstTokens)
{
    public double FailureRate => Turns == 0 ? 0 : (double)FailedTurns / Turns;
    public double InterruptionRate => Turns == 0 ? 0 : (double)InterruptedTurns / Turns;
}
