using System.Diagnostics.Metrics;
using TaskChat.Web.Chat;

namespace TaskChat.Bench.Servers;

/// <summary>Totals of TaskChat's own chat counters (meter <c>TaskChat.Chat</c>), read in-process.</summary>
internal sealed class ChatMetricsListener : IDisposable
{
    private readonly MeterListener listener = new();
    private long turns;
    private long tokens;
    private long writes;

    public ChatMetricsListener()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ChatMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            switch (instrument.Name)
            {
                case "taskchat.turns":
                    Interlocked.Add(ref turns, value);
                    break;
                case "taskchat.tokens":
                    Interlocked.Add(ref tokens, value);
                    break;
                case "taskchat.turn_db_writes":
                    Interlocked.Add(ref writes, value);
                    break;
            }
        });
        listener.Start();
    }

    public long Turns => Interlocked.Read(ref turns);
    public long Tokens => Interlocked.Read(ref tokens);
    public long TurnDbWrites => Interlocked.Read(ref writes);

    public void Dispose() => listener.Dispose();
}
