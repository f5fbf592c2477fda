namespace TaskChat.Tests.Usage;

/// <summary>
/// The app's clock, set by the test: "now" is whatever instant the test puts it at, and moves on in
/// real time from there. Timers and timestamps stay the system's, so streaming, flushing and
/// timeouts behave as in production; only the times written to rows follow the fixture's days.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private TimeSpan offset;

    public void Set(DateTimeOffset now) => offset = now - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
