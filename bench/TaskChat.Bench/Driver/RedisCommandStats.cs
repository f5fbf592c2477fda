using System.Globalization;

namespace TaskChat.Bench.Driver;

/// <summary>Calls per Redis command, from INFO commandstats fields like "cmdstat_publish" = "calls=12,usec=30,...".</summary>
internal sealed record RedisCommandStats(IReadOnlyDictionary<string, long> Calls)
{
    public const string Prefix = "cmdstat_";

    public static long CallsOf(string value) =>
        value.Split(',').FirstOrDefault(f => f.StartsWith("calls=", StringComparison.Ordinal)) is { } field
            ? long.Parse(field["calls=".Length..], CultureInfo.InvariantCulture)
            : 0;

    /// <summary>Calls made between <paramref name="before"/> and this, per command, largest first.</summary>
    public IReadOnlyList<(string Command, long Calls)> Since(RedisCommandStats before) =>
        Calls.Select(pair => (pair.Key, pair.Value - before.Calls.GetValueOrDefault(pair.Key)))
            // The driver's own INFO calls are not the nodes' traffic.
            .Where(pair => pair.Item2 > 0 && pair.Key != "info")
            .OrderByDescending(pair => pair.Item2)
            .ToList();
}
