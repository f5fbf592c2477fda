using System.Diagnostics;

namespace TaskChat.Bench.Driver;

/// <summary>
/// CPU time of the three parties sharing the machine's cores: the server process, this
/// driver (the clients) and PostgreSQL (every postgres process, backends included).
/// </summary>
internal sealed class CpuMeter
{
    private readonly ServerProcess server;
    private readonly long startedAt = Stopwatch.GetTimestamp();
    private readonly TimeSpan serverStart;
    private readonly TimeSpan clientStart;
    private readonly Dictionary<int, TimeSpan> postgresStart;

    private CpuMeter(ServerProcess server)
    {
        this.server = server;
        serverStart = server.CpuTime;
        clientStart = ClientCpu();
        postgresStart = PostgresCpu();
    }

    public static CpuMeter Start(ServerProcess server) => new(server);

    /// <summary>Cores used by each party since the start (CPU seconds per wall second).</summary>
    public CpuUse Stop()
    {
        var wall = Stopwatch.GetElapsedTime(startedAt).TotalSeconds;
        var postgres = PostgresCpu().Sum(pair => (pair.Value - postgresStart.GetValueOrDefault(pair.Key)).TotalSeconds);
        return new CpuUse(
            (server.CpuTime - serverStart).TotalSeconds / wall,
            (ClientCpu() - clientStart).TotalSeconds / wall,
            postgres / wall);
    }

    private static TimeSpan ClientCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>Backends that appear during the window count from zero; ones that exit are lost (rare: the pool keeps them).</summary>
    private static Dictionary<int, TimeSpan> PostgresCpu()
    {
        var result = new Dictionary<int, TimeSpan>();
        foreach (var process in Process.GetProcessesByName("postgres"))
        {
            try
            {
                result[process.Id] = process.TotalProcessorTime;
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // It exited between the listing and the read.
            }
            finally
            {
                process.Dispose();
            }
        }

        return result;
    }
}

internal sealed record CpuUse(double ServerCores, double ClientCores, double PostgresCores);
