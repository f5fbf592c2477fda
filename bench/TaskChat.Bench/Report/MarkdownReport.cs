using System.Globalization;
using System.Reflection;
using System.Text;

namespace TaskChat.Bench.Report;

/// <summary>
/// docs/benchmarks.md and its chart, written by a full run. The findings section is kept by
/// hand in Report/Findings.md (embedded) because it explains causes, which no run can measure.
/// </summary>
internal static class MarkdownReport
{
    public const string ChartFile = "benchmarks.svg";

    /// <returns>The charts' paths.</returns>
    public static IReadOnlyList<string> Write(BenchRun run, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var charts = new List<string>();
        void Chart(string file, string svg)
        {
            charts.Add(Path.Combine(directory, file));
            File.WriteAllText(charts[^1], svg);
        }

        Chart(ChartFile, SvgChart.Render(run));
        if (run.Idle.Count > 0)
        {
            Chart(IdleChart.File, IdleChart.Render(run));
        }

        if (run.TwoNode.Count > 0)
        {
            Chart(TwoNodeChart.File, TwoNodeChart.Render(run));
        }

        if (run.Growth is { } growth)
        {
            Chart(GrowthChart.File, GrowthChart.Render(run, growth));
        }

        File.WriteAllText(path, Render(run));
        return charts;
    }

    private static string Render(BenchRun run)
    {
        var plan = run.Plan;
        var m = run.Machine;
        var text = new StringBuilder();
        void Line(FormattableString line = default!) => text.AppendLine(line is null ? "" : line.ToString(CultureInfo.InvariantCulture));

        Line($"# TaskChat benchmarks");
        Line();
        Line($"Streaming overhead, capacity and persistence cost of TaskChat's chat hub, measured side by side with a bare SignalR hub; then TaskChat on two nodes with Redis, and as its data grows.");
        Line($"This file and its charts (`{ChartFile}`, `{IdleChart.File}`, `{TwoNodeChart.File}`, `{GrowthChart.File}`) are written by the benchmark program; the findings section comes from `bench/TaskChat.Bench/Report/Findings.md`.");
        Line();
        Line($"```bash");
        Line($"dotnet run -c Release --project bench/TaskChat.Bench              # full run (about {Math.Ceiling(run.Took.TotalMinutes):0} min), rewrites this file");
        Line($"dotnet run -c Release --project bench/TaskChat.Bench -- --quick   # about 4 minutes, smaller sizes, prints the tables only");
        Line($"dotnet run -c Release --project bench/TaskChat.Bench -- --sections twonode,growth   # only some sections: idle, streaming, twonode, growth");
        Line($"dotnet run -c Release --project bench/TaskChat.Bench -- --help    # options (N, pace, window, PostgreSQL admin login)");
        Line($"```");
        Line();
        Line($"Run of {run.StartedAt:yyyy-MM-dd HH:mm zzz}, took {run.Took.TotalSeconds:0} s, on: {m.Cpu}, {m.Cores} cores, {m.MemoryGiB:0.#} GiB, {m.Os}, {m.Runtime}, {m.Postgres}.");
        Line();
        Line($"## Targets");
        Line();
        foreach (var error in run.SectionErrors)
        {
            Line($"**Section failed**, so its figures are missing: {error}");
            Line();
        }

        text.Append(Targets.ToTable(run).ToMarkdown());
        Line();
        Line($"![TaskChat and the baseline as N grows]({ChartFile})");
        Line();
        Line($"## Method");
        Line();
        Line($"- **Two servers, one driver, one machine.** The bench starts two child processes of itself: TaskChat (the real app from `Program.cs` through `WebApplicationFactory<Program>`, Production environment, real Kestrel on 127.0.0.1, PostgreSQL database `taskchat_bench_<guid>` made and dropped by the run, Npgsql pool of {plan.PoolSize}, no TLS over loopback unless `--admin` names an SSL mode) and the baseline (a bare SignalR hub on Kestrel, same JSON settings and event records, no authentication, persistence, event bus or tools). Both run with TaskChat.Web's own runtimeconfig (`dotnet exec --runtimeconfig`), so both get the host settings TaskChat ships with: server GC, and thread-pool workers that sleep instead of spinning when idle. The driver process holds all the clients. **Clients, both servers and PostgreSQL share the same {m.Cores} cores**, so every figure includes competition for CPU; client and PostgreSQL CPU are reported beside the server's.");
        Line($"- **The model** is scripted: {plan.Model.TokensPerTurn} tokens per reply, the first at once, then one every {plan.Model.Interval.TotalMilliseconds:0} ms ({1000 / plan.Model.Interval.TotalMilliseconds:0} tokens/s per stream, a typical hosted-model pace). In TaskChat it replaces the offline assistant as the `IChatClient` under the same `UseFunctionInvocation().UseLogging()` pipeline; the baseline hub reads the same script. Each token's text is its emit time (monotonic clock, microseconds, in hex), so the client computes emit->receive latency per token with no side channel; tokens are about 11 characters, longer than a real model's, so stored replies are too.");
        Line($"- **Clients** are the real SignalR .NET client over WebSockets (negotiation skipped, as the tests do), TaskChat's with a JWT in `?access_token`. Each client keeps one conversation and runs turns back to back with `SendMessage` and a fresh `client_message_id`; its first turns are a warm-up, in rounds of one turn per client until a round finds the server's JIT settled (under 1% of a core; at most 10 rounds), so the window measures the steady state and not tiered compilation. Turn starts are spread evenly over one turn's length, and figures come from a {plan.Window.TotalSeconds:0} s window that opens once every client streams. The client records one int per token and nothing else (no logging).");
        Line($"- **Figures.** Token latency: emit by the model -> receipt by the client, every token received in the window. Time to first token: `SendMessage` called -> first token received, for turns sent in the window; the model itself adds nothing (first token at once), so this is all overhead: for TaskChat it includes validating, committing the user and assistant messages, announcing the turn, loading history and starting the model. Throughput: tokens and completed turns received in the window per second. CPU: process CPU time / wall time over the window, from /proc, for the server, the driver, and the PostgreSQL backends of the bench database plus the server's own background processes. Memory per connection: server GC heap (after a forced, compacting full GC) and working set, with the clients connected or streaming, minus the same with none, divided by the clients connected (N unless some failed to connect). DB writes per turn: TaskChat's own `taskchat.turn_db_writes` counter (meter `TaskChat.Chat`, read by a MeterListener) over `taskchat.turns`, and PostgreSQL's `pg_stat_user_tables` rows written and `pg_stat_database` transactions over the same turns (send to end of every measured turn).");
        if (plan.Tracing)
        {
            Line($"- **Tracing on** (`--tracing`): TaskChat exports traces, metrics and logs over OTLP/HTTP protobuf, with the SDK's default batching, to a sink in the driver that reads and discards each export; every TaskChat figure includes what collecting and sending them costs.");
        }
        else
        {
            Line($"- **Tracing off**: no `OTEL_EXPORTER_OTLP_ENDPOINT`, so TaskChat collects no traces or metrics for export (`--tracing` turns it on).");
        }
        Line($"- **The batcher** (at N = {string.Join(" and ", Targets.SaturatedStreams)} only, where the machine is saturated): a third server, the baseline's bare hub except that it gathers the model's tokens and sends what it has every {Targets.BatchMs} ms in one event (and the rest at the end), as some chat servers do to save sends; the client counts every token in such an event, with its own emit stamp, so its throughput and latency compare with TaskChat's.");
        Line($"- **Idle connections**: {plan.IdleConnections:N0} opened in batches of {plan.ConnectBatch} within {plan.IdleConnectBudget.TotalSeconds:0} s, measured after a full GC, then held {plan.IdleHold.TotalSeconds:0} s to see the CPU their keep-alives cost. TaskChat's accounts are inserted in one batch and given tokens by the app's own `TokenIssuer` (registering thousands through the API would spend minutes in PBKDF2, which is not what is measured).");
        Line($"- **Bounds.** Every connect batch, turn and phase has a time limit; all traffic is on 127.0.0.1. Percentiles are nearest-rank over all samples; with few samples (N = 10) p99 is close to the maximum.");
        Line($"- **Logging.** TaskChat keeps its own logging configuration (Serilog, Information; nothing is logged per token or per turn); its console output goes to a log file the driver keeps. The baseline logs warnings only.");
        Line();
        Line($"## Results");
        Line();
        foreach (var table in ResultTables.Streaming(run))
        {
            Line($"### {table.Title}");
            Line();
            text.Append(table.ToMarkdown());
            Line();
        }

        if (run.Idle.Count > 0)
        {
            var idle = ResultTables.Idle(run);
            Line($"### {idle.Title}");
            Line();
            text.Append(idle.ToMarkdown());
            Line();
            Line($"![Idle connections]({IdleChart.File})");
            Line();
        }

        text.Append(SectionReports.TwoNode(run));
        text.Append(SectionReports.Growth(run));

        text.Append(Findings());
        return text.ToString();
    }

    private static string Findings()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("TaskChat.Bench.Findings.md");
        return stream is null ? "" : new StreamReader(stream).ReadToEnd();
    }
}
