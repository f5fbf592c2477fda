using System.Diagnostics;
using TaskChat.Bench.Driver;
using TaskChat.Bench.Report;

namespace TaskChat.Bench;

/// <summary>The driver: makes the database, starts both servers, runs every step, reports.</summary>
internal static class BenchRunner
{
    public static async Task<int> RunAsync(BenchPlan plan)
    {
        var startedAt = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        var logs = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"taskchat-bench-{startedAt:yyyyMMdd-HHmmss}")).FullName;
        Console.WriteLine($"TaskChat benchmark ({(plan.Quick ? "quick" : "full")}): N = {string.Join(", ", plan.Streams)}; " +
            $"{plan.Model.TokensPerTurn} tokens per reply every {plan.Model.Interval.TotalMilliseconds:0} ms; {plan.Window.TotalSeconds:0} s windows; " +
            $"{plan.IdleConnections:N0} idle connections; tracing {(plan.Tracing ? "on (OTLP/HTTP to a discarding sink)" : "off")}. Server logs: {logs}");

        await using var database = await BenchDatabase.CreateAsync(plan.AdminConnectionString, plan.PoolSize);
        Step($"database {database.Name} created");
        var machine = MachineInfo.Read(await database.ServerVersionAsync());

        await using var sink = plan.Tracing ? await OtlpSink.StartAsync() : null;
        string[] tracing = sink is null ? [] : ["--otlp", sink.Address];
        await using var taskchat = await ServerProcess.StartAsync(Systems.TaskChat,
            ["taskchat", "--db", database.ConnectionString, .. tracing, .. plan.Model.ToArgs()], Path.Combine(logs, "taskchat.log"));
        await using var baseline = await ServerProcess.StartAsync(Systems.Baseline,
            ["baseline", .. plan.Model.ToArgs()], Path.Combine(logs, "baseline.log"));
        Step($"servers up: TaskChat {taskchat.HubUrl} (pid {taskchat.Pid}), baseline {baseline.HubUrl} (pid {baseline.Pid})");

        var accounts = Math.Max(plan.Streams.Max(), plan.IdleConnections);
        var taskchatTokens = await taskchat.SeedUsersAsync(accounts);
        var baselineTokens = await baseline.SeedUsersAsync(accounts);
        Step($"{accounts:N0} accounts with tokens");

        var idle = new List<IdleResult>();
        if (plan.IdleConnections > 0)
        {
            foreach (var (server, tokens) in new[] { (baseline, baselineTokens), (taskchat, taskchatTokens) })
            {
                var result = await IdleScenario.RunAsync(server, database.WorkerPidsAsync, tokens, plan);
                idle.Add(result);
                Step($"{server.Name}: {result.Held:N0} idle connections held, {result.HeapPerConnectionKb:0.0} KB heap each");
            }
        }

        var streaming = new List<StreamingResult>();
        foreach (var streams in plan.Streams)
        {
            foreach (var (server, tokens, db) in new[] { (baseline, baselineTokens, (BenchDatabase?)null), (taskchat, taskchatTokens, database) })
            {
                var result = await StreamingScenario.RunAsync(server, db, database.WorkerPidsAsync, tokens, streams, plan);
                streaming.Add(result);
                Step($"{server.Name} N = {streams}: token p99 {result.TokenLatency.P99Ms:0.00} ms, first token p99 {result.FirstToken.P99Ms:0.00} ms, " +
                    $"{result.TokensPerSecond:N0} tokens/s, {result.Failures} failed, other processes {result.OtherCores:0.00} cores" + (result.LastFailure is { } why ? $" (last: {why})" : ""));
            }
        }

        if (sink is not null)
        {
            // Tracing that exported nothing would make "on" measure the same as "off".
            var exports = Interlocked.Read(ref sink.Requests);
            Step($"OTLP sink: {exports:N0} export requests received from TaskChat");
            if (exports == 0)
            {
                Console.Error.WriteLine("--tracing was given but TaskChat sent the OTLP sink nothing: the figures would be those of tracing off.");
                return 1;
            }
        }

        var run = new BenchRun(plan, machine, streaming, idle, startedAt, clock.Elapsed);
        Console.WriteLine();
        foreach (var table in ResultTables.Streaming(run))
        {
            Console.WriteLine(table.ToText());
        }

        if (idle.Count > 0)
        {
            Console.WriteLine(ResultTables.Idle(run).ToText());
        }

        Console.WriteLine(Targets.ToTable(run).ToText());
        if (plan.ReportPath is { } path)
        {
            var chart = MarkdownReport.Write(run, path);
            Console.WriteLine($"Wrote {path} and {chart}");
        }

        Console.WriteLine($"Took {clock.Elapsed.TotalSeconds:0} s.");
        return 0;

        void Step(string what) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,5:0.0} s] {what}");
    }
}
