using TaskChat.Bench.Model;
using TaskChat.Bench.Report;
using TaskChat.Bench.Servers;

namespace TaskChat.Bench.Driver;

/// <summary>
/// N clients, each streaming turns back to back in its own conversation. Turn starts are
/// spread evenly over one turn's length, figures come from a window that opens once every
/// client is streaming, and the database counters cover every measured turn from send to end.
/// </summary>
internal static class StreamingScenario
{
    /// <summary>PostgreSQL backends publish their counters within about a second of going idle.</summary>
    private static readonly TimeSpan StatsSettle = TimeSpan.FromSeconds(1.5);

    public static async Task<StreamingResult> RunAsync(
        ServerProcess server, BenchDatabase? database, Func<Task<IReadOnlyCollection<int>>> postgresPids,
        IReadOnlyList<string?> tokens, int streams, BenchPlan plan)
    {
        var quiet = await CpuMeter.WaitForQuietAsync(plan.QuietBudget);
        var empty = await server.StatsAsync(fullGc: true);
        var (clients, failedToConnect, connectError) =
            await Connections.OpenAsync(server.HubUrl, tokens, streams, plan.ConnectBatch, TimeSpan.FromSeconds(60));
        try
        {
            if (clients.Count == 0)
            {
                throw new InvalidOperationException($"No client could connect to {server.Name}: {connectError}");
            }

            var connected = await server.StatsAsync(fullGc: true);

            // Warm-up, not measured: every client's first turns (the first also creates its
            // conversation), until the server's JIT has settled.
            var warmUpRounds = await JitSettle.WarmUpAsync([server], clients, plan.TurnTimeout);

            await Task.Delay(StatsSettle);
            var databaseBefore = database is null ? null : await database.ReadCountersAsync();
            var before = await server.StatsAsync(fullGc: false);

            var turnLength = plan.Model.TurnDuration + TimeSpan.FromMilliseconds(50);
            var startAt = TokenStamp.NowMicros() + 100_000;
            var windowStart = startAt + Micros(turnLength);
            var windowEnd = windowStart + Micros(plan.Window);
            var expectedTokens = (int)(plan.Window / plan.Model.Interval) + plan.Model.TokensPerTurn;
            var recorders = clients.Select(_ => new TurnRecorder(windowStart, windowEnd, expectedTokens)).ToList();
            var runs = clients.Select((client, i) => RunClientAsync(
                client, recorders[i], startAt + Micros(turnLength) * i / clients.Count, windowEnd, plan.TurnTimeout)).ToList();

            await DelayUntil(windowStart);
            var cpu = await CpuMeter.StartAsync(server, postgresPids);
            await DelayUntil(windowEnd);
            var cpuUse = await cpu.StopAsync();
            var streaming = await server.StatsAsync(fullGc: true);

            await Task.WhenAll(runs).WaitAsync(plan.TurnTimeout + TimeSpan.FromSeconds(10));
            await Task.Delay(StatsSettle);
            var after = await server.StatsAsync(fullGc: false);
            var databaseAfter = database is null ? null : await database.ReadCountersAsync();

            var tokenLatencies = recorders.SelectMany(r => r.TokenLatencyMicros).ToList();
            var firstTokens = recorders.SelectMany(r => r.FirstTokenMicros).ToList();
            var seconds = plan.Window.TotalSeconds;
            var timed = recorders.Sum(r => r.TurnsTimed);
            var meanTurn = timed == 0 ? double.NaN : recorders.Sum(r => r.TurnMicrosTotal) / 1e6 / timed;
            var tokensInWindow = recorders.Sum(r => r.TokensInWindow);
            var failures = recorders.Sum(r => r.Failures) + failedToConnect;

            return new StreamingResult(
                server.Name,
                streams,
                clients.Count,
                warmUpRounds,
                seconds,
                Latency.From(tokenLatencies),
                Latency.From(firstTokens),
                tokensInWindow / seconds,
                recorders.Sum(r => r.TurnsCompletedInWindow) / seconds,
                failures,
                recorders.Select(r => r.LastFailure).LastOrDefault(f => f is not null) ?? connectError,
                meanTurn,
                cpuUse.ServerCores,
                cpuUse.ClientCores,
                cpuUse.PostgresCores,
                cpuUse.OtherCores,
                quiet,
                Kb(connected.GcHeapBytes - empty.GcHeapBytes) / clients.Count,
                Kb(streaming.GcHeapBytes - empty.GcHeapBytes) / clients.Count,
                Kb(streaming.WorkingSetBytes - empty.WorkingSetBytes) / clients.Count,
                Kb(after.AllocatedBytes - before.AllocatedBytes) / Math.Max(1, recorders.Sum(r => r.TokensTotal)),
                Persistence(before, after, databaseBefore, databaseAfter, meanTurn));
        }
        finally
        {
            await Connections.CloseAsync(clients, plan.ConnectBatch);
        }
    }

    internal static async Task RunClientAsync(StreamClient client, TurnRecorder recorder, long startAt, long until, TimeSpan turnTimeout)
    {
        await DelayUntil(startAt);
        while (TokenStamp.NowMicros() < until)
        {
            await client.RunTurnAsync(recorder, turnTimeout);
        }
    }

    /// <summary>Only TaskChat counts turns and writes (its ChatMetrics meter); the baseline has none.</summary>
    private static TurnPersistence? Persistence(
        ServerStats before, ServerStats after, DatabaseCounters? databaseBefore, DatabaseCounters? databaseAfter, double meanTurnSeconds)
    {
        var turns = after.Turns - before.Turns;
        if (turns <= 0 || databaseBefore is null || databaseAfter is null)
        {
            return null;
        }

        var database = databaseAfter - databaseBefore;
        // One write per flush interval (250 ms) while the turn runs, plus the final write.
        var allowed = Math.Ceiling(meanTurnSeconds / 0.25) + 1;
        return new TurnPersistence(
            turns,
            (after.TurnDbWrites - before.TurnDbWrites) / (double)turns,
            allowed,
            database.RowsWritten / (double)turns,
            database.Transactions / (double)turns);
    }

    internal static long Micros(TimeSpan span) => (long)(span.TotalMilliseconds * 1000);

    private static double Kb(long bytes) => bytes / 1024.0;

    internal static Task DelayUntil(long micros)
    {
        var wait = micros - TokenStamp.NowMicros();
        return wait > 0 ? Task.Delay(TimeSpan.FromMilliseconds(wait / 1000.0)) : Task.CompletedTask;
    }
}
