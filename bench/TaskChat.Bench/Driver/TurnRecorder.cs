namespace TaskChat.Bench.Driver;

/// <summary>
/// One client's samples, kept without locks or per-token allocations beyond the list's growth:
/// only what happens inside the measurement window [Start, End) (monotonic microseconds) counts.
/// </summary>
internal sealed class TurnRecorder(long windowStart, long windowEnd, int expectedTokens)
{
    /// <summary>For warm-up turns: a window that never opens.</summary>
    public static TurnRecorder Discard() => new(long.MaxValue, long.MaxValue, 0);

    public List<int> TokenLatencyMicros { get; } = new(expectedTokens);
    public List<int> FirstTokenMicros { get; } = [];
    public List<int> TurnMicros { get; } = [];
    public long TokensInWindow { get; private set; }
    public long TokensTotal { get; private set; }
    public long TurnsCompletedInWindow { get; private set; }
    public long TurnMicrosTotal { get; private set; }
    public int TurnsTimed { get; private set; }
    public int Failures { get; private set; }
    public string? LastFailure { get; private set; }

    private bool InWindow(long micros) => micros >= windowStart && micros < windowEnd;

    public void Token(long emittedAt, long receivedAt)
    {
        TokensTotal++;
        if (!InWindow(receivedAt))
        {
            return;
        }

        TokensInWindow++;
        if (emittedAt > 0)
        {
            TokenLatencyMicros.Add((int)Math.Min(int.MaxValue, receivedAt - emittedAt));
        }
    }

    public void FirstToken(long sentAt, long receivedAt)
    {
        if (InWindow(sentAt))
        {
            FirstTokenMicros.Add((int)Math.Min(int.MaxValue, receivedAt - sentAt));
        }
    }

    public void Completed(long sentAt, long receivedAt)
    {
        if (InWindow(receivedAt))
        {
            TurnsCompletedInWindow++;
        }

        if (InWindow(sentAt))
        {
            TurnMicrosTotal += receivedAt - sentAt;
            TurnMicros.Add((int)Math.Min(int.MaxValue, receivedAt - sentAt));
            TurnsTimed++;
        }
    }

    public void Failed(string reason)
    {
        Failures++;
        LastFailure = reason;
    }
}
