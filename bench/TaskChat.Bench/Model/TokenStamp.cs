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
}
