using System.Diagnostics;
using TaskChat.Bench.Driver;
using TaskChat.Bench.Report;

namespace TaskChat.Bench.Growth;

/// <summary>
/// The growth section's state: one fresh account per point (its own data, nobody else's
/// turns in between), the points measured so far and the time spent inserting.
/// </summary>
internal sealed class GrowthRun(ServerProcess server, GrowthData data, IReadOnlyList<string?> tokens, BenchPlan plan, Action<string> step)
{
    /// <summary>A point that takes longer has gone wrong; the turns so far are kept.</summary>
    private static readonly TimeSpan PointBudget = TimeSpan.FromSeconds(90);

    /// <summary>After an insert, at most this long to wait for the machine to be idle again.</summary>
    private static readonly TimeSpan QuietBudget = TimeSpan.FromSeconds(10);

    private readonly Stopwatch inserting = new();
    private int nextUser;

    public GrowthData Data => data;
    public List<GrowthPoint> Points { get; } = [];
    public double InsertSeconds => inserting.Elapsed.TotalSeconds;

    public (string Token, Guid Id) NextUser()
    {
        var token = tokens[nextUser++] ?? throw new InvalidOperationException("The growth server gave no access token.");
        return (token, JwtSubject.Of(token));
    }

    /// <summary>Times a bulk insert (and the settling after it) apart from the measurements.</summary>
    public async Task<T> InsertAsync<T>(Func<GrowthData, Task<T>> insert)
    {
        inserting.Start();
        try
        {
            var result = await insert(data);
            await data.SettleAsync();
            await CpuMeter.WaitForQuietAsync(QuietBudget < plan.QuietBudget ? QuietBudget : plan.QuietBudget);
            return result;
        }
        finally
        {
            inserting.Stop();
        }
    }

    /// <summary>
    /// The plan's number of turns one after another by one client: each into
    /// <paramref name="conversation"/>, or each into a new conversation when it is null. With
    /// <paramref name="clients"/> above one, that many clients of the same user at once, each
    /// with its share of the turns, each into a new conversation (one conversation runs one turn at a time).
    /// </summary>
    public async Task<GrowthPoint> MeasureAsync(string dimension, string size, string token, Guid? conversation, bool record = true, int clients = 1)
    {
        if (clients > 1 && conversation is not null)
        {
            throw new ArgumentException("Concurrent clients send into new conversations only.", nameof(clients));
        }

        var (messages, _, bytes) = await data.SizeAsync();
        var (connected, failed, error) = await Connections.OpenAsync(server.HubUrl, [token], clients, clients, TimeSpan.FromSeconds(30));
        var recorders = connected.Select(_ => new TurnRecorder(0, long.MaxValue, 0)).ToList();
        try
        {
            var clock = Stopwatch.StartNew();
            var turnsEach = Math.Max(1, plan.Growth.Turns / Math.Max(1, clients));
            await Task.WhenAll(connected.Select(async (client, i) =>
            {
                for (var turn = 0; turn < turnsEach && clock.Elapsed < PointBudget; turn++)
                {
                    client.UseConversation(conversation);
                    await client.RunTurnAsync(recorders[i], plan.TurnTimeout);
                }
            }));
        }
        finally
        {
            await Connections.CloseAsync(connected, clients);
        }

        var point = new GrowthPoint(dimension, size, $"{messages:N0} messages, {bytes}",
            Latency.From(recorders.SelectMany(r => r.FirstTokenMicros).ToList()), Latency.From(recorders.SelectMany(r => r.TurnMicros).ToList()),
            recorders.Sum(r => r.Failures) + failed, recorders.Select(r => r.LastFailure).LastOrDefault(f => f is not null) ?? error);
        if (record)
        {
            Points.Add(point);
            step($"growth: {dimension} = {size}: first token p50 {point.FirstToken.P50Ms:0.00} ms, p99 {point.FirstToken.P99Ms:0.00} ms, " +
                $"whole turn p50 {point.WholeTurn.P50Ms:0.0} ms ({point.Database}; {point.Failures} failed)" + (point.LastFailure is { } why ? $" (last: {why})" : ""));
        }

        return point;
    }
}
