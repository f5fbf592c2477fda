namespace TaskChat.Bench.Report;

/// <summary>The idle section's chart: what each held connection costs the server, TaskChat beside the baseline.</summary>
internal static class IdleChart
{
    public const string File = "benchmarks-idle.svg";

    public static string Render(BenchRun run)
    {
        var results = run.Idle.OrderBy(r => r.System == Systems.TaskChat ? 0 : 1).ToList();
        var labels = results.Select(r => $"{r.System} ({r.Held:N0} held)").ToList();
        var c = CategoryChart.Colours;
        List<double> Of(Func<IdleResult, double> value) => results.Select(value).ToList();
        return CategoryChart.Render($"{results.Max(r => r.Requested):N0} idle connections ({run.Machine.Cores} cores, clients on the same machine)",
        [
            new("server memory per connection (KB)", labels,
            [
                new("GC heap after a full GC", c[0], Of(r => r.HeapPerConnectionKb)),
                new("working set", c[2], Of(r => r.WorkingSetPerConnectionKb), Dashed: true),
            ], Reference: (Targets.IdleConnectionKb, $"target {Targets.IdleConnectionKb:0} KB"), Bars: true),
            new("to open them all (s) and server CPU while idle (cores x 10)", labels,
            [
                new("seconds to open", c[3], Of(r => r.ConnectSeconds)),
                new("server cores x 10", c[1], Of(r => r.IdleServerCores * 10)),
            ], Bars: true),
        ]);
    }
}
