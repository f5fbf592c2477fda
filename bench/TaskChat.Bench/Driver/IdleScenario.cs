using System.Diagnostics;
using TaskChat.Bench.Report;

namespace TaskChat.Bench.Driver;

/// <summary>
/// How many authenticated connections a server holds while nobody chats, and what each costs:
/// opened in batches within a time budget, then measured after a full GC, then held a while
/// to see what their keep-alives cost in CPU.
/// </summary>
internal static class IdleScenario
{
    public static async Task<IdleResult> RunAsync(
        ServerProcess server, Func<Task<IReadOnlyCollection<int>>> postgresPids, IReadOnlyList<string?> tokens, BenchPlan plan)
    {
        await CpuMeter.WaitForQuietAsync(plan.QuietBudget);
        var before = await server.StatsAsync(fullGc: true);
        var clientBefore = ClientHeapAfterFullGc();
        var connecting = Stopwatch.StartNew();
        var (clients, failed, lastError) =
            await Connections.OpenAsync(server.HubUrl, tokens, plan.IdleConnections, plan.ConnectBatch, plan.IdleConnectBudget);
        var connectSeconds = connecting.Elapsed.TotalSeconds;
        try
        {
            var held = Math.Max(1, clients.Count);
            var after = await server.StatsAsync(fullGc: true);
            var clientAfter = ClientHeapAfterFullGc();

            var cpu = await CpuMeter.StartAsync(server, postgresPids);
            await Task.Delay(plan.IdleHold);
            var idle = await cpu.StopAsync();

            return new IdleResult(
                server.Name,
                plan.IdleConnections,
                clients.Count,
                failed,
                lastError,
                connectSeconds,
                (after.GcHeapBytes - before.GcHeapBytes) / 1024.0 / held,
                (after.WorkingSetBytes - before.WorkingSetBytes) / 1024.0 / held,
                idle.ServerCores,
                idle.OtherCores,
                (clientAfter - clientBefore) / 1024.0 / held);
        }
        finally
        {
            await Connections.CloseAsync(clients, plan.ConnectBatch);
        }
    }

    private static long ClientHeapAfterFullGc()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
