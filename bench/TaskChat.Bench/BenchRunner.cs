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

        // A section that fails (say PostgreSQL runs out of connections, shared with someone else's
        // run) is reported as failed; the sections after it and the report still come.
        var errors = new List<string>();
        var twoNode = plan.Runs("twonode") ? await TryAsync("twonode", () => TwoNodeScenario.RunAsync(plan, database, logs, Step), []) : [];
        var growth = plan.Runs("growth") ? await TryAsync<Report.GrowthResult?>("growth", async () => await Growth.GrowthScenario.RunAsync(plan, database, logs, Step), null) : null;

        var run = new BenchRun(plan, machine, sideBySide.Streaming, sideBySide.Idle, twoNode, growth, startedAt, clock.Elapsed) { SectionErrors = errors };
        Console.WriteLine();
        foreach (var table in ResultTables.All(run))
        {
            Console.WriteLine(table.ToText());
        }

        Console.WriteLine(Targets.ToTable(run).ToText());
        errors.ForEach(error => Console.WriteLine($"Section failed, its figures are missing: {error}"));
        if (plan.ReportPath is { } path)
        {
            var charts = MarkdownReport.Write(run, path);
            Console.WriteLine($"Wrote {path} and {string.Join(", ", charts)}");
        }

        Console.WriteLine($"Took {clock.Elapsed.TotalSeconds:0} s.");
        return 0;

        void Step(string what) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,5:0.0} s] {what}");

        async Task<T> TryAsync<T>(string section, Func<Task<T>> measure, T fallback)
        {
            try
            {
                return await measure();
            }
            catch (Exception exception) when (exception is InvalidOperationException or Npgsql.NpgsqlException or TimeoutException or IOException)
            {
                errors.Add($"{section}: {exception.Message}");
                Console.Error.WriteLine($"Section {section} failed: {exception}");
                return fallback;
            }
        }
    }
}
