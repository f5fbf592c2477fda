namespace TaskChat.Bench.Report;

/// <summary>The targets the two-node section is checked against.</summary>
internal static class TwoNodeTargets
{
    public static IEnumerable<Targets.Check> Evaluate(BenchRun run)
    {
        var all = run.TwoNode.OrderBy(r => r.Streams).ToList();
        var at = all.FirstOrDefault(r => r.Streams == Targets.TwoNodeStreams);
        yield return new($"no stall: largest gap between two token events at any watcher < {Targets.MaxGapMs:0} ms at N = {Targets.TwoNodeStreams} on two nodes (model pace {run.Plan.Model.Interval.TotalMilliseconds:0} ms)",
            at is null ? "not run" : $"{at.MaxGapMs:0.0} ms (node A watchers {at.SameNodeGaps.MaxMs:0.0}, node B {at.OtherNodeGaps.MaxMs:0.0}; p99 {at.SameNodeGaps.P99Ms:0.0} / {at.OtherNodeGaps.P99Ms:0.0})",
            at is null ? null : at.MaxGapMs < Targets.MaxGapMs && at.Failures == 0);

        yield return new($"a watcher on the other node adds at most {Targets.OtherNodeAddedP99Ms:0} ms p99 per token",
            all.Count == 0 ? "not run" : string.Join("; ", all.Select(r =>
                $"N = {r.Streams}: {r.AddedP99Ms:+0.00;-0.00} ms ({r.SameNode.P99Ms:0.00} -> {r.OtherNode.P99Ms:0.00})")),
            all.Count == 0 ? null : all.All(r => r.AddedP99Ms <= Targets.OtherNodeAddedP99Ms));

        var compared = all.Where(r => double.IsFinite(r.CpuRatioToOneNode)).ToList();
        yield return new($"with Redis, server CPU per token within {Targets.RedisCpuRatio}x of one node's (both nodes together; the same clients on one node without Redis)",
            compared.Count == 0 ? "not run" : string.Join("; ", compared.Select(r =>
                $"N = {r.Streams}: {r.CpuRatioToOneNode:0.00}x ({r.CpuPerStreamedTokenUs:0} vs {r.OneNodeCpuPerStreamedTokenUs:0} us)")),
            compared.Count == 0 ? null : compared.All(r => r.CpuRatioToOneNode <= Targets.RedisCpuRatio));
    }
}
