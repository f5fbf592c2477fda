using System.Diagnostics;
using System.Globalization;

namespace TaskChat.Bench.Model;

/// <summary>
/// Each scripted token carries the moment it was emitted, so the client can compute
/// emit-to-receive latency without any side channel. The stamp is the monotonic clock in
/// microseconds (Stopwatch is CLOCK_MONOTONIC on Linux, shared by every process on the
/// machine, so a server process and the driver read the same clock).
/// </summary>
public static class TokenStamp
{
    private static readonly long TicksPerMicrosecond = Stopwatch.Frequency / 1_000_000;

    public static long NowMicros() => Stopwatch.GetTimestamp() / TicksPerMicrosecond;

    /// <summary>A token like " 1a2b3c4d5e": a leading space as word tokens have, then hex micros.</summary>
    public static string Create() => At(NowMicros());

    public static string At(long micros) => " " + micros.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>The emit time of a token made by <see cref="Create"/>, or -1 for any other text.</summary>
    public static long Parse(string token) =>
        token.Length > 1 && long.TryParse(token.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var micros)
            ? micros
            : -1;

    /// <summary>
    /// Every stamp in a delta. A server that falls behind may coalesce several scripted tokens
    /// into one event (" 1a2b 1a2c 1a2d"); each is still one token with its own emit time.
    /// A word that is no hex stamp made by <see cref="Create"/> counts as one token of unknown emit time (-1).
    /// </summary>
    public static Stamps ParseAll(string delta) => new(delta);

    /// <summary>An allocation-free walk over the space-separated stamps of one delta.</summary>
    public ref struct Stamps(string delta)
    {
        private int position;

        public long Current { get; private set; }

        public readonly Stamps GetEnumerator() => this;

        public bool MoveNext()
        {
            var rest = delta.AsSpan(position);
            var start = rest.IndexOfAnyExcept(' ');
            if (start < 0)
            {
                position = delta.Length;
                return false;
            }

            var word = rest[start..];
            var end = word.IndexOf(' ');
            word = end < 0 ? word : word[..end];
            position += start + word.Length;
            Current = long.TryParse(word, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var micros) ? micros : -1;
            return true;
        }
    }
}
