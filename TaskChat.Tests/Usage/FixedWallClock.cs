namespace TaskChat.Tests.Usage;

/// <summary>
/// The app's clock, set by the test: "now" is exactly the instant the test last set, whatever the
/// real time is, so a fixture's figures never depend on the hour a run starts. Timers and elapsed
/// time stay the system's (streaming, flushing and timeouts behave as in production); only the
/// times written to rows and the "today" of a report follow the test.
/// </summary>
public sealed class FixedWallClock(DateTimeOffset now) : TimeProvider
{
    private long ticks = now.UtcTicks;

    public void Set(DateTimeOffset instant) => Interlocked.Exchange(ref ticks, instant.UtcTicks);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);
}
