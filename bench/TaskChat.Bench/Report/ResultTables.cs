using System.Globalization;

namespace TaskChat.Bench.Report;

/// <summary>The figures as tables: one per number of streams, TaskChat beside the baseline with their ratio.</summary>
internal static class ResultTables
{
    private sealed record Row(string Metric, Func<StreamingResult, double> Value, string Format, bool TaskChatOnly = false);

    private static readonly Row[] Rows =
    [
        new("token latency emit->receive p50 (ms)", r => r.TokenLatency.P50Ms, "0.00"),
        new("token latency emit->receive p99 (ms)", r => r.TokenLatency.P99Ms, "0.00"),
        new("time to first token p50 (ms)", r => r.FirstToken.P50Ms, "0.00"),
        new("time to first token p99 (ms)", r => r.FirstToken.P99Ms, "0.00"),
        new("tokens delivered per s", r => r.TokensPerSecond, "N0"),
        new("turns completed per s", r => r.TurnsPerSecond, "0.0"),
        new("mean turn, send to end (s)", r => r.MeanTurnSeconds, "0.000"),
        new("failed turns", r => r.Failures, "N0"),
        new("server CPU (cores)", r => r.ServerCores, "0.00"),
        new("server CPU per delivered token (us)", r => r.ServerCores / r.TokensPerSecond * 1e6, "0"),
        new("client CPU (cores)", r => r.ClientCores, "0.00"),
        new("PostgreSQL CPU for this run (cores)", r => r.PostgresCores, "0.00", TaskChatOnly: true),
        new("other processes' CPU, not this run (cores)", r => r.OtherCores, "0.00"),
        new("server allocation per token (KB)", r => r.ServerAllocatedKbPerToken, "0.0"),
        new("server GC heap per connected client (KB)", r => r.HeapPerConnectionKb, "0.0"),
        new("server GC heap per streaming client (KB)", r => r.HeapPerStreamKb, "0.0"),
        new("server working set per streaming client (KB)", r => r.WorkingSetPerStreamKb, "0.0"),
        new("DB writes per turn (ChatMetrics)", r => r.Persistence?.WritesPerTurn ?? double.NaN, "0.00", true),
        new("  allowed: 1 per 250 ms of turn + final", r => r.Persistence?.AllowedWritesPerTurn ?? double.NaN, "0", true),
        new("rows written per turn (pg_stat_user_tables)", r => r.Persistence?.RowsPerTurn ?? double.NaN, "0.00", true),
        new("transactions per turn, reads included (pg_stat_database)", r => r.Persistence?.TransactionsPerTurn ?? double.NaN, "0.00", true),
    ];

    /// <summary>Every table of the run, in the report's order, for the console.</summary>
    public static IEnumerable<Table> All(BenchRun run)
    {
        foreach (var table in Streaming(run))
        {
            yield return table;
        }

        if (run.Idle.Count > 0)
        {
            yield return Idle(run);
        }

        if (run.TwoNode.Count > 0)
        {
            yield return TwoNodeTable.Build(run);
        }

        if (run.Growth is { } growth)
        {
            yield return GrowthTable.Build(growth);
        }
    }

    public static IEnumerable<Table> Streaming(BenchRun run)
    {
        foreach (var streams in run.Streaming.Select(r => r.Streams).Distinct())
        {
            var taskchat = run.Streaming.FirstOrDefault(r => r.Streams == streams && r.System == Systems.TaskChat);
            var baseline = run.Streaming.FirstOrDefault(r => r.Streams == streams && r.System == Systems.Baseline);
            var batcher = run.Streaming.FirstOrDefault(r => r.Streams == streams && r.System == Systems.Batcher);
            var sample = taskchat ?? baseline!;
            var title = $"N = {streams} concurrent streams ({sample.WindowSeconds:0} s window; token samples: TaskChat {taskchat?.TokenLatency.Samples:N0}, baseline {baseline?.TokenLatency.Samples:N0}; first-token samples: {taskchat?.FirstToken.Samples:N0} / {baseline?.FirstToken.Samples:N0})";
            string[] headers = batcher is null
                ? ["metric", "TaskChat", "baseline", "ratio"]
                : ["metric", "TaskChat", "baseline", "ratio", $"batcher ({Targets.BatchMs} ms)", "TaskChat / batcher"];
            yield return new Table(title, headers, Rows.Select(row =>
            {
                var ours = taskchat is null ? double.NaN : row.Value(taskchat);
                string[] cells = [row.Metric, Format(ours, row.Format), .. Versus(ours, baseline, row), .. batcher is null ? [] : Versus(ours, batcher, row)];
                return (IReadOnlyList<string>)cells;
            }).ToList());
        }
    }

    /// <summary>Another system's figure and TaskChat's ratio to it; "-" for TaskChat-only rows.</summary>
    private static string[] Versus(double ours, StreamingResult? other, Row row)
    {
        var theirs = other is null || row.TaskChatOnly ? double.NaN : row.Value(other);
        return [row.TaskChatOnly ? "-" : Format(theirs, row.Format), Ratio(ours, theirs)];
    }

    public static Table Idle(BenchRun run)
    {
        var taskchat = run.Idle.FirstOrDefault(r => r.System == Systems.TaskChat);
        var baseline = run.Idle.FirstOrDefault(r => r.System == Systems.Baseline);
        (string Metric, Func<IdleResult, double> Value, string Format)[] rows =
        [
            ("connections held", r => r.Held, "N0"),
            ("failed to connect", r => r.Failed, "N0"),
            ("time to open them (s)", r => r.ConnectSeconds, "0.0"),
            ("server GC heap per connection (KB)", r => r.HeapPerConnectionKb, "0.0"),
            ("server working set per connection (KB)", r => r.WorkingSetPerConnectionKb, "0.0"),
            ("server CPU while idle (cores)", r => r.IdleServerCores, "0.000"),
            ("other processes' CPU meanwhile (cores)", r => r.IdleOtherCores, "0.00"),
            ("client GC heap per connection (KB)", r => r.ClientHeapPerConnectionKb, "0.0"),
        ];
        var requested = (taskchat ?? baseline)?.Requested ?? 0;
        return new Table($"Idle connections ({requested:N0} requested; TaskChat's authenticated with a JWT, the baseline's anonymous)",
            ["metric", "TaskChat", "baseline", "ratio"],
            rows.Select(row =>
            {
                var ours = taskchat is null ? double.NaN : row.Value(taskchat);
                var theirs = baseline is null ? double.NaN : row.Value(baseline);
                return (IReadOnlyList<string>)[row.Metric, Format(ours, row.Format), Format(theirs, row.Format), Ratio(ours, theirs)];
            }).ToList());
    }

    public static string Format(double value, string format) =>
        double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Ratio(double ours, double theirs) =>
        double.IsNaN(ours) || double.IsNaN(theirs) || Math.Abs(theirs) < 1e-9 ? "-" : (ours / theirs).ToString("0.00", CultureInfo.InvariantCulture) + "x";
}
