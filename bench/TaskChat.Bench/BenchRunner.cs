using System.Diagnostics;
using TaskChat.Bench.Driver;
using TaskChat.Bench.Report;

namespace TaskChat.Bench;

/// <summary>The driver: makes the database, runs every section asked for, reports.</summary>
internal static class BenchRunner
{
    public static async Task<int> RunAsync(BenchPlan plan)
    {
        var startedAt = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        var logs = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"taskchat-bench-{startedAt:yyyyMMdd-HHmmss}")).FullName;
        Console.WriteLine($"TaskChat benchmark ({(plan.Quick ? "quick" : "full")}): sections {string.Join(", ", BenchPlan.AllSections.Where(plan.Runs))}; " +
            $"N = {string.Join(", ", plan.Streams)}; {plan.Model.TokensPerTurn} tokens per reply every {plan.Model.Interval.TotalMilliseconds:0} ms; " +
            $"{plan.Window.TotalSeconds:0} s windows; {plan.IdleConnections:N0} idle connections; two nodes at N = {string.Join(", ", plan.TwoNodeStreams)}; " +
            $"tracing {(plan.Tracing ? "on (OTLP/HTTP to a discarding sink)" : "off")}. Server logs: {logs}");

        await using var database = await BenchDatabase.CreateAsync(plan.AdminConnectionString, plan.PoolSize);
        Step($"database {database.Name} created");
        var machine = MachineInfo.Read(await database.ServerVersionAsync());

        var sideBySide = new SideBySide.Results([], []);
        if (plan.Runs("idle") || plan.Runs("streaming"))
        {
            if (await SideBySide.RunAsync(plan, database, logs, Step) is not { } results)
            {
                return 1;
            }

            sideBySide = results;
        }

        var twoNode = plan.Runs("twonode") ? await TwoNodeScenario.RunAsync(plan, database, logs, Step) : [];
        var growth = plan.Runs("growth") ? await Growth.GrowthScenario.RunAsync(plan, database, logs, Step) : null;

        var run = new BenchRun(plan, machine, sideBySide.Streaming, sideBySide.Idle, twoNode, growth, startedAt, clock.Elapsed);
        Console.WriteLine();
        foreach (var table in ResultTables.All(run))
        {
            Console.WriteLine(table.ToText());
        }

        Console.WriteLine(Targets.ToTable(run).ToText());
        if (plan.ReportPath is { } path)
        {
            var charts = MarkdownReport.Write(run, path);
            Console.WriteLine($"Wrote {path} and {string.Join(", ", charts)}");
        }

        Console.WriteLine($"Took {clock.Elapsed.TotalSeconds:0} s.");
        return 0;

        void Step(string what) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,5:0.0} s] {what}");
    }
}
