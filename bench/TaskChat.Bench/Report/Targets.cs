namespace TaskChat.Bench.Report;

/// <summary>The targets, checked against TaskChat's figures (at N = 100 where it says so).</summary>
internal static class Targets
{
    public const int AtStreams = 100;
    public const double TokenLatencyP99Ms = 5;
    public const double FirstTokenP99Ms = 20;
    public const double ThroughputRatio = 0.8;
    public const double IdleConnectionKb = 30;
    public const int TwoNodeStreams = 50;
    public const double MaxGapMs = 200;
    public const double OtherNodeAddedP99Ms = 2;
    public const double RedisCpuRatio = 1.2;

    /// <summary>Where the machine is saturated, and the batcher (a hub that sends every <see cref="BatchMs"/>) runs too.</summary>
    public static readonly int[] SaturatedStreams = [300, 500];
    public const int BatchMs = 500;
    public const double SaturatedTokenP50Ms = 50;
    public const int TopStreams = 500;
    public const double TopThroughputRatio = 0.95;
    public const double TopFirstTokenP99Ms = 100;
    public const double CpuPerTokenRatio = 1.3;

    public sealed record Check(string Target, string Measured, bool? Met);

    public static IReadOnlyList<Check> Evaluate(BenchRun run)
    {
        var taskchat = run.Streaming.Where(r => r.System == Systems.TaskChat).ToList();
        var at = taskchat.FirstOrDefault(r => r.Streams == AtStreams);
        var baselineAt = run.Streaming.FirstOrDefault(r => r.System == Systems.Baseline && r.Streams == AtStreams);
        var idle = run.Idle.FirstOrDefault(r => r.System == Systems.TaskChat);
        var persisted = taskchat.Where(r => r.Persistence is not null).ToList();

        return
        [
            new($"added per-token latency p99 <= {TokenLatencyP99Ms} ms at N = {AtStreams}",
                at is null ? "not run" : $"{at.TokenLatency.P99Ms:0.00} ms (baseline {baselineAt?.TokenLatency.P99Ms:0.00} ms)",
                at is null ? null : at.TokenLatency.P99Ms <= TokenLatencyP99Ms),
            new($"time-to-first-token overhead p99 <= {FirstTokenP99Ms} ms, user message commit included, at N = {AtStreams}",
                at is null ? "not run" : $"{at.FirstToken.P99Ms:0.00} ms (baseline {baselineAt?.FirstToken.P99Ms:0.00} ms)",
                at is null ? null : at.FirstToken.P99Ms <= FirstTokenP99Ms),
            new("at most one DB write per 250 ms per streaming turn, plus a constant per turn",
                persisted.Count == 0 ? "not run" : string.Join("; ", persisted.Select(r =>
                    $"N = {r.Streams}: {r.Persistence!.WritesPerTurn:0.0} writes/turn (allowed {r.Persistence.AllowedWritesPerTurn:0}), {r.Persistence.RowsPerTurn:0.0} rows/turn")),
                persisted.Count == 0 ? null : persisted.All(r => r.Persistence!.WritesPerTurn <= r.Persistence.AllowedWritesPerTurn)),
            new($"throughput >= {ThroughputRatio}x the baseline at N = {AtStreams}",
                at is null || baselineAt is null ? "not run" : $"{at.TokensPerSecond / baselineAt.TokensPerSecond:0.00}x tokens/s, {at.TurnsPerSecond / baselineAt.TurnsPerSecond:0.00}x turns/s",
                at is null || baselineAt is null ? null : at.TokensPerSecond / baselineAt.TokensPerSecond >= ThroughputRatio),
            new($"memory per idle connection <= {IdleConnectionKb} KB",
                idle is null ? "not run" : $"{idle.HeapPerConnectionKb:0.0} KB GC heap, {idle.WorkingSetPerConnectionKb:0.0} KB working set ({idle.Held:N0} held)",
                idle is null ? null : idle.HeapPerConnectionKb <= IdleConnectionKb && idle.Held == idle.Requested),
            .. SaturationTargets.Evaluate(run),
            .. TwoNodeTargets.Evaluate(run),
            .. GrowthTargets.Evaluate(run),
        ];
    }

    public static Table ToTable(BenchRun run) => new(
        "Targets (TaskChat)",
        ["target", "measured", "met"],
        Evaluate(run).Select(check => (IReadOnlyList<string>)[check.Target, check.Measured, check.Met switch { true => "met", false => "MISSED", null => "-" }]).ToList());
}

internal static class Systems
{
    public const string TaskChat = "TaskChat";
    public const string Baseline = "baseline";
    public const string Batcher = "batcher";
}
