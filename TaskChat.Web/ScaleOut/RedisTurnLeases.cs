using System.Collections.Concurrent;
using StackExchange.Redis;
using TaskChat.Web.Chat.Turns;

namespace TaskChat.Web.ScaleOut;

/// <summary>
/// Turn leases in Redis: a key per conversation, taken with SET NX by the node that runs its
/// turn and renewed by a heartbeat while the turn runs. A node that dies stops renewing, the
/// key expires within <see cref="Lifetime"/>, and <see cref="AbandonedTurnSweeper"/> tells the
/// watchers the reply was interrupted. Stop requests are broadcast, and the node running the
/// turn acts on them.
/// </summary>
internal sealed class RedisTurnLeases(
    IConnectionMultiplexer redis, RedisAvailability availability, TurnRegistry registry, ILogger<RedisTurnLeases> logger)
    : ITurnLeases, IHostedService
{
    /// <summary>
    /// Short, so that a dead node's conversations are free again within seconds; the heartbeat
    /// renews every <see cref="RenewEvery"/>, so a node must miss three beats in a row to lose one.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(4);

    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(1);

    private readonly string owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<Guid, byte> held = new();
    private readonly CancellationTokenSource stopping = new();
    private Task? renewing;
    private int renewFailures;

    public string Owner => owner;

    /// <summary>True if this node holds the conversation's lease (it runs or recovers its turn).</summary>
    public bool HoldsHere(Guid conversationId) => held.ContainsKey(conversationId);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(RedisKeys.Stop);
        queue.OnMessage(message =>
        {
            if (Guid.TryParse(message.Message.ToString(), out var conversationId))
            {
                registry.Stop(conversationId);
            }
        });
        availability.Restored += RenewSoon;
        renewing = RenewLoopAsync(stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        availability.Restored -= RenewSoon;
        await stopping.CancelAsync();
        if (renewing is not null)
        {
            await renewing;
        }
    }

    public async ValueTask<bool> TryAcquireAsync(Guid conversationId)
    {
        var taken = await RedisLeaseScripts.TakeAsync(redis.GetDatabase(), RedisKeys.TurnLease(conversationId), owner, Lifetime);
        if (taken)
        {
            held[conversationId] = 0;
        }

        return taken;
    }

    public async ValueTask ReleaseAsync(Guid conversationId)
    {
        held.TryRemove(conversationId, out _);
        await RedisLeaseScripts.ReleaseAsync(redis.GetDatabase(), RedisKeys.TurnLease(conversationId), owner);
    }

    public async ValueTask<bool> IsHeldAsync(Guid conversationId) =>
        await redis.GetDatabase().KeyExistsAsync(RedisKeys.TurnLease(conversationId));

    /// <summary>Which of the conversations some node holds a lease on, asked in one pipelined batch.</summary>
    public async Task<IReadOnlyList<bool>> AreHeldAsync(IReadOnlyList<Guid> conversationIds)
    {
        var database = redis.GetDatabase();
        return await Task.WhenAll(conversationIds.Select(id => database.KeyExistsAsync(RedisKeys.TurnLease(id))));
    }

    public async ValueTask RequestStopAsync(Guid conversationId)
    {
        if (!registry.Stop(conversationId))
        {
            await redis.GetSubscriber().PublishAsync(RedisKeys.Stop, conversationId.ToString());
        }
    }

    /// <summary>
    /// Extends every lease this node holds, in one pipelined batch of scripts; after an outage
    /// (<paramref name="reassert"/>) also takes back those Redis lost.
    /// </summary>
    internal async Task RenewAsync(bool reassert = false)
    {
        var database = redis.GetDatabase();
        var ids = held.Keys.ToList();
        var renewed = await Task.WhenAll(ids.Select(id => reassert
            ? RedisLeaseScripts.ReassertAsync(database, RedisKeys.TurnLease(id), owner, Lifetime)
            : RedisLeaseScripts.ExtendAsync(database, RedisKeys.TurnLease(id), owner, Lifetime)));
        for (var i = 0; i < ids.Count; i++)
        {
            if (!renewed[i] && held.ContainsKey(ids[i]))
            {
                logger.LogWarning("Another node holds the lease on conversation {ConversationId} whose turn runs here", ids[i]);
            }
        }
    }

    private void RenewSoon() => _ = RenewGuardedAsync(reassert: true);

    private async Task RenewLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await RenewGuardedAsync(reassert: false);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async Task RenewGuardedAsync(bool reassert)
    {
        if (held.IsEmpty || !availability.IsAvailable)
        {
            return;
        }

        try
        {
            await RenewAsync(reassert);
            renewFailures = 0;
        }
        catch (RedisException exception)
        {
            // Once per outage: a heartbeat every second would fill the log.
            if (Interlocked.Increment(ref renewFailures) == 1)
            {
                logger.LogWarning(exception, "Could not renew the turn leases held by this node");
            }
        }
    }
}
