using System.Diagnostics;
using System.Runtime;

namespace TaskChat.Bench.Servers;

/// <summary>What a server process reports about itself; sent to the driver as JSON.</summary>
internal sealed record ServerStats(
    long GcHeapBytes,
    long WorkingSetBytes,
    long AllocatedBytes,
    int Gen2Collections,
    double CpuSeconds,
    long Turns,
    long Tokens,
    long TurnDbWrites,
    double JitSeconds)
{
    /// <param name="fullGc">
    /// Collect everything first (blocking, compacting, twice around the finalizers), so the heap
    /// figure is what is really held rather than garbage not yet collected.
    /// </param>
    public static ServerStats Take(ChatMetricsListener metrics, bool fullGc)
    {
        if (fullGc)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        using var process = Process.GetCurrentProcess();
        return new ServerStats(
            GC.GetTotalMemory(forceFullCollection: false),
            process.WorkingSet64,
            GC.GetTotalAllocatedBytes(),
            GC.CollectionCount(2),
            process.TotalProcessorTime.TotalSeconds,
            metrics.Turns,
            metrics.Tokens,
            metrics.TurnDbWrites,
            JitInfo.GetCompilationTime().TotalSeconds);
    }
}
