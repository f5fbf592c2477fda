namespace TaskChat.Bench.Report;

/// <summary>The target the growth section is checked against.</summary>
internal static class GrowthTargets
{
    public const double FlatRatio = 1.2;

    public static IEnumerable<Targets.Check> Evaluate(BenchRun run)
    {
        var growth = run.Growth;
        var ratio = growth is null ? double.NaN : growth.Largest.FirstToken.P50Ms / growth.Small.FirstToken.P50Ms;
        yield return new($"first token flat within {FlatRatio - 1:0%} from a small database to {run.Plan.Growth.DatabaseMessages[^1]:N0} messages and {run.Plan.Growth.ConversationCounts[^1]:N0} conversations (p50, sequential turns)",
            growth is null ? "not run" : $"{ratio:0.00}x: {growth.Small.FirstToken.P50Ms:0.00} ms ({growth.Small.Database}) -> {growth.Largest.FirstToken.P50Ms:0.00} ms ({growth.Largest.Database}); p99 {growth.Small.FirstToken.P99Ms:0.00} -> {growth.Largest.FirstToken.P99Ms:0.00} ms",
            growth is null ? null : ratio <= FlatRatio && growth.Small.Failures + growth.Largest.Failures == 0);
    }
}
