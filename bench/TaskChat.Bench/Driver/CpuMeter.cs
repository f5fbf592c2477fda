using System.Diagnostics;

namespace TaskChat.Bench.Driver;

/// <summary>
/// CPU time of everyone sharing the machine's cores: the server process, this driver (the
/// clients), PostgreSQL's work for the run (the bench database's backends and the server's
/// shared background processes), and everything else on the machine, which the figures do
/// not control and so report (other people's builds and tests, on a shared machine).
/// </summary>
internal sealed class CpuMeter
{
    private readonly IReadOnlyList<ServerProcess> servers;
    private readonly Func<Task<IReadOnlyCollection<int>>> postgresPids;
    private readonly long startedAt = Stopwatch.GetTimestamp();
    private readonly TimeSpan serverStart;
    private readonly TimeSpan clientStart;
    private readonly Dictionary<int, TimeSpan> postgresStart;
    private readonly double machineStart;

    private CpuMeter(IReadOnlyList<ServerProcess> servers, Func<Task<IReadOnlyCollection<int>>> postgresPids, IReadOnlyCollection<int> pids)
    {
        this.servers = servers;
        this.postgresPids = postgresPids;
        machineStart = MachineBusySeconds();
        serverStart = ServerCpu();
        clientStart = ClientCpu();
        postgresStart = CpuOf(pids);
    }

    /// <param name="postgresPids">The PostgreSQL processes that work for this run, read at the start and at the end.</param>
    public static Task<CpuMeter> StartAsync(ServerProcess server, Func<Task<IReadOnlyCollection<int>>> postgresPids) =>
        StartAsync([server], postgresPids);

    /// <summary>Server CPU is that of all <paramref name="servers"/> together (the nodes of one cluster).</summary>
    public static async Task<CpuMeter> StartAsync(IReadOnlyList<ServerProcess> servers, Func<Task<IReadOnlyCollection<int>>> postgresPids) =>
        new(servers, postgresPids, await postgresPids());

    /// <summary>Cores used by each party since the start (CPU seconds per wall second).</summary>
    public async Task<CpuUse> StopAsync()
    {
        var postgresEnd = CpuOf((await postgresPids()).Concat(postgresStart.Keys).Distinct().ToList());
        var machine = MachineBusySeconds() - machineStart;
        var wall = Stopwatch.GetElapsedTime(startedAt).TotalSeconds;
        var serverCpu = (ServerCpu() - serverStart).TotalSeconds;
        var clientCpu = (ClientCpu() - clientStart).TotalSeconds;
        var postgres = postgresEnd.Sum(pair => (pair.Value - postgresStart.GetValueOrDefault(pair.Key)).TotalSeconds);
        return new CpuUse(serverCpu / wall, clientCpu / wall, postgres / wall, Math.Max(0, machine - serverCpu - clientCpu - postgres) / wall);
    }

    /// <summary>
    /// Waits (at most <paramref name="budget"/>) for a second in which the whole machine uses
    /// less than <paramref name="cores"/>, so a step does not start while someone else's build
    /// runs. Returns the busy cores of the last second seen.
    /// </summary>
    public static async Task<double> WaitForQuietAsync(TimeSpan budget, double cores = 0.25)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var before = MachineBusySeconds();
            await Task.Delay(TimeSpan.FromSeconds(1));
            var busy = MachineBusySeconds() - before;
            if (busy < cores || clock.Elapsed >= budget)
            {
                return busy;
            }
        }
    }

    /// <summary>Machine-wide busy CPU seconds from /proc/stat (user, nice, system, irq, softirq, steal).</summary>
    public static double MachineBusySeconds()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long Field(int i) => fields.Length > i ? long.Parse(fields[i]) : 0;
            // cpu user nice system idle iowait irq softirq steal; USER_HZ is 100 on Linux.
            return (Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8)) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private TimeSpan ServerCpu() => servers.Aggregate(TimeSpan.Zero, (total, server) => total + server.CpuTime);

    private static TimeSpan ClientCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static Dictionary<int, TimeSpan> CpuOf(IReadOnlyCollection<int> pids)
    {
        var result = new Dictionary<int, TimeSpan>();
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                result[pid] = process.TotalProcessorTime;
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // It exited in the meantime.
            }
        }

        return result;
    }
}

/// <summary>Cores used; <see cref="OtherCores"/> is everything on the machine that is not this run.</summary>
internal sealed record CpuUse(double ServerCores, double ClientCores, double PostgresCores, double OtherCores);
