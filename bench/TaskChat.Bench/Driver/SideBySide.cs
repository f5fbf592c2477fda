using TaskChat.Bench.Report;

namespace TaskChat.Bench.Driver;

/// <summary>
/// The idle and streaming sections: TaskChat on one node and the bare SignalR baseline, each in
/// its own child process, measured one after the other at every step.
/// </summary>
internal static class SideBySide
{
    public sealed record Results(IReadOnlyList<StreamingResult> Streaming, IReadOnlyList<IdleResult> Idle);

    /// <returns>null when tracing was asked for but nothing was exported (the figures would lie).</returns>
    public static async Task<Results?> RunAsync(BenchPlan plan, BenchDatabase database, string logs, Action<string> step)
    {
        await using var sink = plan.Tracing ? await OtlpSink.StartAsync() : null;
        string[] tracing = sink is null ? [] : ["--otlp", sink.Address];
        await using var taskchat = await ServerProcess.StartAsync(Systems.TaskChat,
            ["taskchat", "--db", database.ConnectionString, "--max-pool", plan.PoolSize.ToString(), .. tracing, .. plan.Model.ToArgs()],
            Path.Combine(logs, "taskchat.log"));
        await using var baseline = await ServerProcess.StartAsync(Systems.Baseline,
            ["baseline", .. plan.Model.ToArgs()], Path.Combine(logs, "baseline.log"));
        step($"servers up: TaskChat {taskchat.HubUrl} (pid {taskchat.Pid}), baseline {baseline.HubUrl} (pid {baseline.Pid})");

        var idleCount = plan.Runs("idle") ? plan.IdleConnections : 0;
        var accounts = Math.Max(plan.Runs("streaming") ? plan.Streams.Max() : 1, idleCount);
        var taskchatTokens = await taskchat.SeedUsersAsync(accounts);
        var baselineTokens = await baseline.SeedUsersAsync(accounts);
        step($"{accounts:N0} accounts with tokens");

        var idle = new List<IdleResult>();
        if (idleCount > 0)
        {
            foreach (var (server, tokens) in new[] { (baseline, baselineTokens), (taskchat, taskchatTokens) })
            {
                var result = await IdleScenario.RunAsync(server, database.WorkerPidsAsync, tokens, plan);
                idle.Add(result);
                step($"{server.Name}: {result.Held:N0} idle connections held, {result.HeapPerConnectionKb:0.0} KB heap each");
            }
        }

        await using var batcher = plan.Runs("streaming") && plan.Streams.Any(Targets.SaturatedStreams.Contains)
            ? await ServerProcess.StartAsync(Systems.Batcher, ["batcher", "--batch-ms", Targets.BatchMs.ToString(), .. plan.Model.ToArgs()], Path.Combine(logs, "batcher.log"))
            : null;
        var streaming = new List<StreamingResult>();
        foreach (var streams in plan.Runs("streaming") ? plan.Streams : [])
        {
            List<(ServerProcess, IReadOnlyList<string?>, BenchDatabase?)> systems = [(baseline, baselineTokens, null), (taskchat, taskchatTokens, database)];
            if (batcher is not null && Targets.SaturatedStreams.Contains(streams))
            {
                systems.Add((batcher, baselineTokens, null));
            }

            streaming.AddRange(await StreamAsync(systems, database, streams, plan, step));
        }

        return sink is null || TracingExported(sink, step) ? new Results(streaming, idle) : null;
    }

    /// <summary>One step of the streaming section: each system in turn at the same N.</summary>
    private static async Task<List<StreamingResult>> StreamAsync(
        List<(ServerProcess, IReadOnlyList<string?>, BenchDatabase?)> systems, BenchDatabase database, int streams, BenchPlan plan, Action<string> step)
    {
        var results = new List<StreamingResult>();
        foreach (var (server, tokens, db) in systems)
        {
            var result = await StreamingScenario.RunAsync(server, db, database.WorkerPidsAsync, tokens, streams, plan);
            results.Add(result);
            step($"{server.Name} N = {streams}: token p50 {result.TokenLatency.P50Ms:0.00} ms, p99 {result.TokenLatency.P99Ms:0.00} ms, first token p99 {result.FirstToken.P99Ms:0.00} ms, " +
                $"{result.TokensPerSecond:N0} tokens/s, {result.Failures} failed, other processes {result.OtherCores:0.00} cores, {result.WarmUpRounds} warm-up rounds" + (result.LastFailure is { } why ? $" (last: {why})" : ""));
        }

        return results;
    }

    /// <summary>Tracing that exported nothing would make "on" measure the same as "off".</summary>
    private static bool TracingExported(OtlpSink sink, Action<string> step)
    {
        var exports = Interlocked.Read(ref sink.Requests);
        step($"OTLP sink: {exports:N0} export requests received from TaskChat");
        if (exports == 0)
        {
            Console.Error.WriteLine("--tracing was given but TaskChat sent the OTLP sink nothing: the figures would be those of tracing off.");
        }

        return exports > 0;
    }
}
