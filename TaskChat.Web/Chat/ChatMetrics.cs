using System.Diagnostics.Metrics;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat;

/// <summary>Counters the benchmark, dotnet-counters and OpenTelemetry read (meter "TaskChat.Chat").</summary>
public sealed class ChatMetrics
{
    public const string MeterName = "TaskChat.Chat";

    private readonly Counter<long> turns;
    private readonly Counter<long> tokens;
    private readonly Counter<long> writes;
    private readonly Counter<long> flushes;
    private readonly Counter<long> finished;
    private readonly Counter<long> modelTokens;
    private readonly Histogram<double> firstToken;

    public ChatMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        turns = meter.CreateCounter<long>("taskchat.turns", description: "Turns started");
        tokens = meter.CreateCounter<long>("taskchat.tokens", description: "Token events streamed");
        writes = meter.CreateCounter<long>("taskchat.turn_db_writes", description: "Database writes made by turns");
        flushes = meter.CreateCounter<long>("taskchat.partial_flushes", description: "Batches of partial reply text saved while replies stream");
        finished = meter.CreateCounter<long>("taskchat.turns_finished", description: "Turns ended, by status");
        modelTokens = meter.CreateCounter<long>("taskchat.model_tokens", unit: "{token}", description: "Tokens the model reported, by model and direction");
        firstToken = meter.CreateHistogram<double>("taskchat.first_token", unit: "ms", description: "Time from the start of a turn to its first token of text",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [25, 50, 100, 250, 500, 750, 1000, 2500, 5000, 10000, 30000] });
    }

    public void TurnStarted() => turns.Add(1);

    public void Token() => tokens.Add(1);

    public void DatabaseWrite() => writes.Add(1);

    public void PartialFlush() => flushes.Add(1);

    /// <summary>Recorded from the reply's final state, the same figures the usage page adds up.</summary>
    public void TurnFinished(Message reply)
    {
        var status = new KeyValuePair<string, object?>("taskchat.turn.status", StatusText(reply.Status));
        var model = new KeyValuePair<string, object?>("gen_ai.response.model", reply.Model);
        finished.Add(1, status, model);
        if (reply.FirstTokenMs is { } ms)
        {
            firstToken.Record(ms, model);
        }

        if (reply.InputTokens is { } input)
        {
            modelTokens.Add(input, model, new KeyValuePair<string, object?>("gen_ai.token.type", "input"));
        }

        if (reply.OutputTokens is { } output)
        {
            modelTokens.Add(output, model, new KeyValuePair<string, object?>("gen_ai.token.type", "output"));
        }
    }

    private static string StatusText(MessageStatus status) => status.ToString().ToLowerInvariant();
}
