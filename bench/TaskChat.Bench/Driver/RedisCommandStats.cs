using System.Globalization;

namespace TaskChat.Bench.Driver;

/// <summary>Calls per Redis command, from INFO commandstats lines like "cmdstat_publish:calls=12,usec=30,...".</summary>
internal sealed record RedisCommandStats(IReadOnlyDictionary<string, long> Calls)
{
    private const string Prefix = "cmdstat_";

    public static RedisCommandStats Parse(string info)
    {
        var calls = new Dictionary<string, long>();
        foreach (var line in info.Split('\n', StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':');
            if (!line.StartsWith(Prefix, StringComparison.Ordinal) || colon < 0)
            {
                continue;
            }

            var field = line[(colon + 1)..].Split(',').FirstOrDefault(f => f.StartsWith("calls=", StringComparison.Ordinal));
            if (field is not null)
            {
                calls[line[Prefix.Length..colon]] = long.Parse(field["calls=".Length..], CultureInfo.InvariantCulture);
            }
        }

        return new RedisCommandStats(calls);
    }

    /// <summary>Calls made between <paramref name="before"/> and this, per command, largest first.</summary>
    public IReadOnlyList<(string Command, long Calls)> Since(RedisCommandStats before) =>
        Calls.Select(pair => (pair.Key, pair.Value - before.Calls.GetValueOrDefault(pair.Key)))
            // The driver's own INFO calls are not the nodes' traffic.
            .Where(pair => pair.Item2 > 0 && pair.Key != "info")
            .OrderByDescending(pair => pair.Item2)
            .ToList();
}
