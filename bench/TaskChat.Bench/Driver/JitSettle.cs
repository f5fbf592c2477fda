using System.Diagnostics;

namespace TaskChat.Bench.Driver;

/// <summary>
/// Warm-up until the server's JIT has settled. Tiered compilation recompiles hot methods in the
/// background for many seconds after they first run: perf found its thread in 37% of TaskChat's
/// samples over the 12 s after a single warm-up turn, and in none of them later. A window that
/// includes it measures how much code a server has rather than what a token costs it.
/// </summary>
internal static class JitSettle
{
    private const int MaxRounds = 10;

    /// <summary>Settled: the JIT used under 1% of a core during a round.</summary>
    private const double SettledCores = 0.01;

    /// <summary>
    /// Rounds of one turn per client, until a round finds the JIT of every server settled;
    /// returns how many ran.
    /// </summary>
    public static async Task<int> WarmUpAsync(IReadOnlyList<ServerProcess> servers, IReadOnlyCollection<StreamClient> clients, TimeSpan turnTimeout)
    {
        for (var round = 1; round <= MaxRounds; round++)
        {
            var before = await JitSecondsAsync(servers);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(clients.Select(client => client.RunTurnAsync(TurnRecorder.Discard(), turnTimeout)));
            if (await JitSecondsAsync(servers) - before < SettledCores * servers.Count * clock.Elapsed.TotalSeconds)
            {
                return round;
            }
        }

        return MaxRounds;
    }

    private static async Task<double> JitSecondsAsync(IReadOnlyList<ServerProcess> servers)
    {
        var total = 0.0;
        foreach (var server in servers)
        {
            total += (await server.StatsAsync(fullGc: false)).JitSeconds;
        }

        return total;
    }
}
