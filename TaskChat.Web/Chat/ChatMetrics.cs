using System.Diagnostics.Metrics;

namespace TaskChat.Web.Chat;

/// <summary>Counters the benchmark and dotnet-counters read (meter "TaskChat.Chat").</summary>
public sealed class ChatMetrics
{
    public const string MeterName = "TaskChat.Chat";

    private readonly Counter<long> turns;
    private readonly Counter<long> tokens;
    private readonly Counter<long> writes;

    public ChatMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        turns = meter.CreateCounter<long>("taskchat.turns", description: "Turns started");
        tokens = meter.CreateCounter<long>("taskchat.tokens", description: "Token events streamed");
        writes = meter.CreateCounter<long>("taskchat.turn_db_writes", description: "Database writes made by turns");
    }

    public void TurnStarted() => turns.Add(1);

    public void Token() => tokens.Add(1);

    public void DatabaseWrite() => writes.Add(1);
}
