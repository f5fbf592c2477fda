using System.Globalization;
using TaskChat.Bench.Model;
using TaskChat.Bench.Report;

namespace TaskChat.Bench.Driver;

/// <summary>
/// Two TaskChat nodes on the bench database and a redis-server of the run's own. N clients
/// stream turns back to back on node A; every conversation is watched from node A and from
/// node B, so the two watchers' latencies differ by what crossing nodes costs.
/// </summary>
internal static class TwoNodeScenario
{
    /// <summary>Two nodes share PostgreSQL's 100 connections with the driver's own.</summary>
    private const int PoolPerNode = 45;

    public static async Task<IReadOnlyList<TwoNodeResult>> RunAsync(BenchPlan plan, BenchDatabase database, string logs, Action<string> step)
    {
        var results = await TwoNodesAsync(plan, database, logs, step);
        var oneNode = await OneNodeAsync(plan, database, logs, step);
        return results.Select(r => r with { OneNode = oneNode.GetValueOrDefault(r.Streams) }).ToList();
    }

    private static async Task<List<TwoNodeResult>> TwoNodesAsync(BenchPlan plan, BenchDatabase database, string logs, Action<string> step)
    {
        await using var redis = await RedisProcess.StartAsync();
        var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        string[] serve =
        [
            "taskchat", "--db", database.ConnectionString, "--redis", redis.ConnectionString, "--jwt-secret", secret,
            "--max-pool", PoolPerNode.ToString(CultureInfo.InvariantCulture), .. plan.Model.ToArgs(),
        ];
        await using var a = await ServerProcess.StartAsync("node A", serve, Path.Combine(logs, "node-a.log"));
        await using var b = await ServerProcess.StartAsync("node B", serve, Path.Combine(logs, "node-b.log"));
        var tokens = await a.SeedUsersAsync(plan.TwoNodeStreams.Max());
        step($"two nodes up on Redis {redis.ConnectionString}: A {a.HubUrl} (pid {a.Pid}), B {b.HubUrl} (pid {b.Pid})");

        var results = new List<TwoNodeResult>();
        foreach (var streams in plan.TwoNodeStreams)
        {
            var result = await MeasureAsync(a, b, redis, database, tokens.Take(streams).ToList(), plan);
            results.Add(result);
            step($"two nodes N = {streams}: token p99 same node {result.SameNode.P99Ms:0.00} ms, other node {result.OtherNode.P99Ms:0.00} ms, " +
                $"max gap {result.MaxGapMs:0.0} ms, {result.RedisCommandsPerToken:0.00} Redis commands/token, {result.Failures} failed" +
                (result.LastFailure is { } why ? $" (last: {why})" : ""));
        }

        return results;
    }

    /// <summary>
    /// The reference for CPU per token: the same clients (a sender and two watchers per stream)
    /// on one node without Redis, so that the only difference is the second node and Redis.
    /// </summary>
    private static async Task<Dictionary<int, TwoNodeResult>> OneNodeAsync(BenchPlan plan, BenchDatabase database, string logs, Action<string> step)
    {
        await using var node = await ServerProcess.StartAsync("one node",
            ["taskchat", "--db", database.ConnectionString, "--max-pool", (2 * PoolPerNode).ToString(CultureInfo.InvariantCulture), .. plan.Model.ToArgs()],
            Path.Combine(logs, "one-node.log"));
        var tokens = await node.SeedUsersAsync(plan.TwoNodeStreams.Max());
        var results = new Dictionary<int, TwoNodeResult>();
        foreach (var streams in plan.TwoNodeStreams)
        {
            var result = await MeasureAsync(node, node, redis: null, database, tokens.Take(streams).ToList(), plan);
            results[streams] = result;
            step($"one node, same clients, N = {streams}: server CPU per streamed token {result.CpuPerStreamedTokenUs:0} us, max gap {result.MaxGapMs:0.0} ms, {result.Failures} failed");
        }

        return results;
    }

    private static async Task<TwoNodeResult> MeasureAsync(
        ServerProcess a, ServerProcess b, RedisProcess? redis, BenchDatabase database, IReadOnlyList<string?> tokens, BenchPlan plan)
    {
        await CpuMeter.WaitForQuietAsync(plan.QuietBudget);
        var budget = TimeSpan.FromSeconds(60);
        List<StreamClient> senders = [], onA = [], onB = [];
        using var stopWatching = new CancellationTokenSource();
        try
        {
            senders = await ConnectAllAsync(a, tokens, plan, budget);
            onA = await ConnectAllAsync(a, tokens, plan, budget);
            onB = await ConnectAllAsync(b, tokens, plan, budget);
            // Warm-up: each sender's first turn makes its conversation; then watchers that record
            // nothing follow the turns until both nodes' JIT has settled.
            await Task.WhenAll(senders.Select(client => client.RunTurnAsync(TurnRecorder.Discard(), plan.TurnTimeout)));
            await WarmUpWatchersAsync(a, b, senders, onA, onB, plan);
            var turnLength = plan.Model.TurnDuration + TimeSpan.FromMilliseconds(50);
            var startAt = TokenStamp.NowMicros() + 1_500_000; // time for every watcher to subscribe
            var windowStart = startAt + StreamingScenario.Micros(turnLength);
            var windowEnd = windowStart + StreamingScenario.Micros(plan.Window);
            var expected = (int)(plan.Window / plan.Model.Interval) + plan.Model.TokensPerTurn;
            var sent = senders.Select(_ => new TurnRecorder(windowStart, windowEnd, expected)).ToList();
            var sameNode = senders.Select(_ => new WatchRecorder(windowStart, windowEnd)).ToList();
            var otherNode = senders.Select(_ => new WatchRecorder(windowStart, windowEnd)).ToList();
            var watching = senders.SelectMany((sender, i) => new[]
            {
                onA[i].WatchAsync(sender.ConversationId!.Value, sameNode[i], stopWatching.Token),
                onB[i].WatchAsync(sender.ConversationId!.Value, otherNode[i], stopWatching.Token),
            }).ToList();
            var runs = senders.Select((client, i) => StreamingScenario.RunClientAsync(
                client, sent[i], startAt + StreamingScenario.Micros(turnLength) * i / senders.Count, windowEnd, plan.TurnTimeout)).ToList();

            await StreamingScenario.DelayUntil(windowStart);
            var commandsBefore = redis is null ? null : await redis.CommandStatsAsync();
            var redisCpu = redis?.CpuTime ?? TimeSpan.Zero;
            var cpu = await CpuMeter.StartAsync(new[] { a, b }.Distinct().ToList(), database.WorkerPidsAsync);
            await StreamingScenario.DelayUntil(windowEnd);
            var use = await cpu.StopAsync();
            var redisCores = ((redis?.CpuTime ?? TimeSpan.Zero) - redisCpu).TotalSeconds / plan.Window.TotalSeconds;
            var commands = redis is null ? [] : (await redis.CommandStatsAsync()).Since(commandsBefore!);

            await Task.WhenAll(runs).WaitAsync(plan.TurnTimeout + TimeSpan.FromSeconds(10));
            await stopWatching.CancelAsync();
            await Task.WhenAll(watching).WaitAsync(TimeSpan.FromSeconds(30));
            return Summarize(tokens.Count, plan.Window.TotalSeconds, sent, sameNode, otherNode, commands, use, redisCores);
        }
        finally
        {
            await stopWatching.CancelAsync();
            await Connections.CloseAsync([.. senders, .. onA, .. onB], plan.ConnectBatch);
        }
    }

    private static async Task WarmUpWatchersAsync(
        ServerProcess a, ServerProcess b, List<StreamClient> senders, List<StreamClient> onA, List<StreamClient> onB, BenchPlan plan)
    {
        using var stop = new CancellationTokenSource();
        var never = new WatchRecorder(long.MaxValue, long.MaxValue);
        var watching = senders.SelectMany((sender, i) => new[]
        {
            onA[i].WatchAsync(sender.ConversationId!.Value, never, stop.Token),
            onB[i].WatchAsync(sender.ConversationId!.Value, never, stop.Token),
        }).ToList();
        await JitSettle.WarmUpAsync([.. new[] { a, b }.Distinct()], senders, plan.TurnTimeout);
        await stop.CancelAsync();
        await Task.WhenAll(watching).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static TwoNodeResult Summarize(
        int streams, double seconds, List<TurnRecorder> sent, List<WatchRecorder> sameNode, List<WatchRecorder> otherNode,
        IReadOnlyList<(string Command, long Calls)> commands, CpuUse use, double redisCores)
    {
        var streamed = Math.Max(1, sent.Sum(r => r.TokensInWindow));
        var delivered = streamed + sameNode.Sum(r => r.TokensInWindow) + otherNode.Sum(r => r.TokensInWindow);
        var watchers = sameNode.Concat(otherNode).ToList();
        var lastFailure = sent.Select(r => r.LastFailure).Concat(watchers.Select(r => r.LastFailure)).LastOrDefault(f => f is not null);
        return new TwoNodeResult(
            streams,
            seconds,
            Latency.From(sent.SelectMany(r => r.TokenLatencyMicros).ToList()),
            Latency.From(sameNode.SelectMany(r => r.TokenLatencyMicros).ToList()),
            Latency.From(otherNode.SelectMany(r => r.TokenLatencyMicros).ToList()),
            Latency.From(sameNode.SelectMany(r => r.GapMicros).ToList()),
            Latency.From(otherNode.SelectMany(r => r.GapMicros).ToList()),
            streamed / seconds,
            delivered / seconds,
            commands.Sum(c => c.Calls) / (double)streamed,
            commands.Take(4).Select(c => (c.Command, c.Calls / (double)streamed)).ToList(),
            use.ServerCores,
            redisCores,
            use.PostgresCores,
            use.ClientCores,
            Math.Max(0, use.OtherCores - redisCores),
            sent.Sum(r => r.Failures) + watchers.Sum(r => r.Failures),
            lastFailure);
    }

    /// <summary>Every client must connect: the watchers are paired with the senders by position.</summary>
    private static async Task<List<StreamClient>> ConnectAllAsync(ServerProcess server, IReadOnlyList<string?> tokens, BenchPlan plan, TimeSpan budget)
    {
        var (clients, failed, error) = await Connections.OpenAsync(server.HubUrl, tokens, tokens.Count, plan.ConnectBatch, budget);
        if (failed > 0 || clients.Count < tokens.Count)
        {
            await Connections.CloseAsync(clients, plan.ConnectBatch);
            throw new InvalidOperationException($"{server.Name}: {failed} of {tokens.Count} clients failed to connect ({error}).");
        }

        return clients;
    }
}
