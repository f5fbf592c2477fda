using TaskChat.Bench.Model;

namespace TaskChat.Bench.Driver;

/// <summary>
/// What one watcher saw inside the window [start, end): emit-to-receive latency of every stamp,
/// and the gap between consecutive token events of the same reply (a stall shows here; the
/// pause between one turn and the next does not count).
/// </summary>
internal sealed class WatchRecorder(long windowStart, long windowEnd)
{
    private Guid lastMessage;
    private long lastEventAt = -1;

    public List<int> TokenLatencyMicros { get; } = [];
    public List<int> GapMicros { get; } = [];
    public long TokensInWindow { get; private set; }
    public int Failures { get; private set; }
    public string? LastFailure { get; private set; }

    public void Event(Guid messageId, string delta, long receivedAt)
    {
        var inWindow = receivedAt >= windowStart && receivedAt < windowEnd;
        if (inWindow && messageId == lastMessage && lastEventAt >= windowStart)
        {
            GapMicros.Add((int)Math.Min(int.MaxValue, receivedAt - lastEventAt));
        }

        lastMessage = messageId;
        lastEventAt = receivedAt;
        if (!inWindow)
        {
            return;
        }

        foreach (var emittedAt in TokenStamp.ParseAll(delta))
        {
            TokensInWindow++;
            if (emittedAt > 0)
            {
                TokenLatencyMicros.Add((int)Math.Min(int.MaxValue, receivedAt - emittedAt));
            }
        }
    }

    public void Failed(string reason)
    {
        Failures++;
        LastFailure = reason;
    }
}
