namespace TaskChat.Web.Usage;

/// <summary>Percentiles of a distribution given as (value, how many times it occurred).</summary>
public static class Percentiles
{
    /// <summary>
    /// The nearest-rank percentile: the smallest value with at least <paramref name="percent"/>% of
    /// the observations at or below it. Always a value that was observed, so a median first token
    /// of "412 ms" is a reply that really took 412 ms. Null when there are no observations.
    /// </summary>
    public static long? NearestRank(IEnumerable<(long Value, int Count)> histogram, double percent)
    {
        var sorted = histogram.Where(h => h.Count > 0).OrderBy(h => h.Value).ToList();
        var total = sorted.Sum(h => (long)h.Count);
        if (total == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percent / 100.0 * total));
        long seen = 0;
        foreach (var (value, count) in sorted)
        {
            seen += count;
            if (seen >= rank)
            {
                return value;
            }
        }

        return sorted[^1].Value;
    }
}
