namespace TaskChat.Bench.Report;

/// <summary>The growth section as one table: a row per point, grouped by what grows.</summary>
internal static class GrowthTable
{
    public static Table Build(GrowthResult growth)
    {
        var turns = growth.Points.Select(p => p.FirstToken.Samples).DefaultIfEmpty(0).Max();
        return new Table(
            $"Growth: {turns} sequential turns of {growth.TokensPerTurn} tokens per point (bulk inserts took {growth.InsertSeconds:0} s; finally {growth.FinalSize})",
            ["what grows", "size", "first token p50 (ms)", "first token p99 (ms)", "whole turn p50 (ms)", "failed", "database then"],
            growth.Points.Select(p => (IReadOnlyList<string>)
            [
                p.Dimension, p.Size, F(p.FirstToken.P50Ms, "0.00"), F(p.FirstToken.P99Ms, "0.00"), F(p.WholeTurn.P50Ms, "0.0"), F(p.Failures, "N0"), p.Database,
            ]).ToList());
    }

    private static string F(double value, string format) => ResultTables.Format(value, format);
}
