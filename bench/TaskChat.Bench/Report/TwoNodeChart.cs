namespace TaskChat.Bench.Report;

/// <summary>The two-node section's chart: latency by node, stalls, Redis traffic and CPU per token over N.</summary>
internal static class TwoNodeChart
{
    public const string File = "benchmarks-twonode.svg";

    public static string Render(BenchRun run)
    {
        var results = run.TwoNode.OrderBy(r => r.Streams).ToList();
        var labels = results.Select(r => $"N={r.Streams}").ToList();
        var c = CategoryChart.Colours;
        List<double> Of(Func<TwoNodeResult, double> value) => results.Select(value).ToList();
        return CategoryChart.Render($"Two TaskChat nodes on Redis: turns on node A, watchers on A and on B ({run.Machine.Cores} cores)",
        [
            new("token latency emit->receive p99 (ms)", labels,
            [
                new("watcher on node A", c[0], Of(r => r.SameNode.P99Ms)),
                new("watcher on node B", c[1], Of(r => r.OtherNode.P99Ms)),
                new("sender (A)", c[5], Of(r => r.Sender.P99Ms), Dashed: true),
            ], LogScale: true),
            new("largest gap between token events (ms)", labels,
            [
                new("node A watchers", c[0], Of(r => r.SameNodeGaps.MaxMs)),
                new("node B watchers", c[1], Of(r => r.OtherNodeGaps.MaxMs)),
                new("p99, node B", c[1], Of(r => r.OtherNodeGaps.P99Ms), Dashed: true),
            ], Reference: (Targets.MaxGapMs, $"target at N={Targets.TwoNodeStreams}"), LogScale: true),
            new("Redis commands per streamed token", labels,
            [
                new("all commands", c[2], Of(r => r.RedisCommandsPerToken)),
            ]),
            new("server CPU per streamed token (us), same clients", labels,
            [
                new("two nodes on Redis", c[1], Of(r => r.CpuPerStreamedTokenUs)),
                new("one node, no Redis", c[0], Of(r => r.OneNodeCpuPerStreamedTokenUs), Dashed: true),
            ], LogScale: true),
        ]);
    }
}
