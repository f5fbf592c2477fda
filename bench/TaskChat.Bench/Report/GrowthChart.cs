namespace TaskChat.Bench.Report;

/// <summary>The growth section's chart: first token and whole turn against each thing that grows, and what the indexes save.</summary>
internal static class GrowthChart
{
    public const string File = "benchmarks-growth.svg";

    public static string Render(BenchRun run, GrowthResult growth)
    {
        var c = CategoryChart.Colours;
        ChartPanel Dimension(string dimension, string title)
        {
            // The largest database's extra points (a big user, a long conversation) are in the table, not on this axis.
            var points = growth.Points.Where(p => p.Dimension == dimension && (!p.Size.Contains(" of ") || p == growth.Small)).ToList();
            return new ChartPanel(title, points.Select(p => p == growth.Small ? "0" : p.Size).ToList(),
            [
                new("first token p50", c[0], points.Select(p => p.FirstToken.P50Ms).ToList()),
                new("first token p99", c[0], points.Select(p => p.FirstToken.P99Ms).ToList(), Dashed: true),
                new("whole turn p50", c[2], points.Select(p => p.WholeTurn.P50Ms).ToList()),
            ], LogScale: true);
        }

        return CategoryChart.Render(
            $"TaskChat as the data grows: one client, sequential turns of {growth.TokensPerTurn} tokens ({run.Machine.Cores} cores), ms",
        [
            Dimension(GrowthResult.ConversationLength, "messages in the conversation"),
            Dimension(GrowthResult.TaskCount, "tasks of the user"),
            Dimension(GrowthResult.ConversationCount, "conversations of the user (new-conversation sends)"),
            Dimension(GrowthResult.DatabaseSize, "other users' messages (new-conversation sends)"),
            new("first token p50 on the largest database, with and without", growth.Indexes.Select(i => i.Index.Replace("IX_messages_", "")).ToList(),
            [
                new("with the index", c[0], growth.Indexes.Select(i => i.With.FirstToken.P50Ms).ToList()),
                new("index dropped", c[1], growth.Indexes.Select(i => i.Without.FirstToken.P50Ms).ToList()),
            ], Bars: true),
        ]);
    }
}
