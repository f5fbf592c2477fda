namespace TaskChat.Bench.Report;

/// <summary>The two-node section as one table: a column per number of streams.</summary>
internal static class TwoNodeTable
{
    public static Table Build(BenchRun run)
    {
        var results = run.TwoNode.OrderBy(r => r.Streams).ToList();
        (string Metric, Func<TwoNodeResult, string> Value)[] rows =
        [
            ("token latency at the sender, node A, p50 / p99 (ms)", r => Pair(r.Sender)),
            ("token latency, watcher on the running node A, p50 / p99 (ms)", r => Pair(r.SameNode)),
            ("token latency, watcher on the other node B, p50 / p99 (ms)", r => Pair(r.OtherNode)),
            ("added by the other node at p99 (ms)", r => F(r.AddedP99Ms, "0.00")),
            ("  one node without Redis, same clients: watcher p50 / p99 (ms)", r => r.OneNode is { } one ? Pair(one.SameNode) : "-"),
            ("gap between token events, node A watchers, p99 / max (ms)", r => Gaps(r.SameNodeGaps)),
            ("gap between token events, node B watchers, p99 / max (ms)", r => Gaps(r.OtherNodeGaps)),
            ("  one node without Redis, same clients: gap p99 / max (ms)", r => r.OneNode is { } one ? Gaps(one.SameNodeGaps) : "-"),
            ("tokens streamed per s (received by the senders)", r => F(r.TokensPerSecond, "N0")),
            ("tokens delivered per s (senders and both watchers)", r => F(r.DeliveredPerSecond, "N0")),
            ("Redis commands per streamed token", r => F(r.RedisCommandsPerToken, "0.00")),
            ("  of which (per token)", r => string.Join(", ", r.TopCommands.Select(c => $"{c.Command} {F(c.PerToken, "0.00")}"))),
            ("server CPU, both nodes (cores)", r => F(r.ServerCores, "0.00")),
            ("server CPU per streamed token, both nodes (us)", r => F(r.CpuPerStreamedTokenUs, "0")),
            ("server CPU per delivered token, both nodes (us)", r => F(r.CpuPerDeliveredTokenUs, "0")),
            ("one node without Redis, same clients, per streamed token (us)", r => F(r.OneNodeCpuPerStreamedTokenUs, "0")),
            ("  two nodes on Redis / one node", r => F(r.CpuRatioToOneNode, "0.00") + "x"),
            ("Redis CPU (cores)", r => F(r.RedisCores, "0.00")),
            ("PostgreSQL CPU for this run (cores)", r => F(r.PostgresCores, "0.00")),
            ("client CPU (cores)", r => F(r.ClientCores, "0.00")),
            ("other processes' CPU, not this run (cores)", r => F(r.OtherCores, "0.00")),
            ("failed turns or watches", r => F(r.Failures, "N0")),
        ];
        var window = results.FirstOrDefault()?.WindowSeconds ?? 0;
        return new Table($"Two TaskChat nodes on Redis ({window:0} s window; turns run on node A, each conversation watched on A and on B)",
            ["metric", .. results.Select(r => $"N = {r.Streams}")],
            rows.Select(row => (IReadOnlyList<string>)[row.Metric, .. results.Select(row.Value)]).ToList());
    }

    private static string Pair(Latency latency) => $"{F(latency.P50Ms, "0.00")} / {F(latency.P99Ms, "0.00")}";

    private static string Gaps(Latency gaps) => $"{F(gaps.P99Ms, "0.0")} / {F(gaps.MaxMs, "0.0")}";

    private static string F(double value, string format) => ResultTables.Format(value, format);
}
