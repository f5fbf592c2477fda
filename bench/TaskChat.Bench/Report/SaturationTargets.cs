namespace TaskChat.Bench.Report;

/// <summary>The targets for a saturated machine (TaskChat against the batcher and the baseline) and for CPU per token.</summary>
internal static class SaturationTargets
{
    public static IEnumerable<Targets.Check> Evaluate(BenchRun run)
    {
        StreamingResult? Of(string system, int streams) => run.Streaming.FirstOrDefault(r => r.System == system && r.Streams == streams);

        var saturated = Targets.SaturatedStreams
            .Select(n => (N: n, Ours: Of(Systems.TaskChat, n), Batcher: Of(Systems.Batcher, n)))
            .Where(p => p.Ours is not null && p.Batcher is not null).ToList();
        yield return new($"saturated (N = {string.Join(", ", Targets.SaturatedStreams)}): tokens/s >= the {Targets.BatchMs} ms batcher's, token latency p50 < {Targets.SaturatedTokenP50Ms:0} ms",
            saturated.Count == 0 ? "not run" : string.Join("; ", saturated.Select(p =>
                $"N = {p.N}: {p.Ours!.TokensPerSecond:N0} vs {p.Batcher!.TokensPerSecond:N0} tokens/s, p50 {p.Ours.TokenLatency.P50Ms:0.0} ms (batcher {p.Batcher.TokenLatency.P50Ms:0.0})")),
            saturated.Count == 0 ? null : saturated.All(p =>
                p.Ours!.TokensPerSecond >= p.Batcher!.TokensPerSecond && p.Ours.TokenLatency.P50Ms < Targets.SaturatedTokenP50Ms));

        var top = Of(Systems.TaskChat, Targets.TopStreams);
        var topBaseline = Of(Systems.Baseline, Targets.TopStreams);
        yield return new($"N = {Targets.TopStreams}: >= {Targets.TopThroughputRatio}x the baseline's tokens/s, first token p99 < {Targets.TopFirstTokenP99Ms:0} ms",
            top is null || topBaseline is null ? "not run" : $"{top.TokensPerSecond / topBaseline.TokensPerSecond:0.00}x, first token p99 {top.FirstToken.P99Ms:0.0} ms",
            top is null || topBaseline is null ? null
                : top.TokensPerSecond / topBaseline.TokensPerSecond >= Targets.TopThroughputRatio && top.FirstToken.P99Ms < Targets.TopFirstTokenP99Ms);

        var at = Of(Systems.TaskChat, Targets.AtStreams);
        var baselineAt = Of(Systems.Baseline, Targets.AtStreams);
        double PerToken(StreamingResult r) => r.ServerCores / r.TokensPerSecond * 1e6;
        yield return new($"server CPU per token <= {Targets.CpuPerTokenRatio}x the baseline's at N = {Targets.AtStreams}",
            at is null || baselineAt is null ? "not run" : $"{PerToken(at):0} vs {PerToken(baselineAt):0} us: {PerToken(at) / PerToken(baselineAt):0.00}x",
            at is null || baselineAt is null ? null : PerToken(at) / PerToken(baselineAt) <= Targets.CpuPerTokenRatio);
    }
}
