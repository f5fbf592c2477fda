using System.Collections.Concurrent;
using StackExchange.Redis;
using TaskChat.Web.Chat.Turns;

namespace TaskChat.Web.ScaleOut;

/// <summary>
/// Turn leases in Redis: a key per conversation, taken with SET NX by the node that runs its
/// turn and renewed while the turn runs. A node that dies stops renewing, the key expires,
/// and the reply it left 'streaming' can be called interrupted. Stop requests are broadcast,
/// and the node running the turn acts on them.
/// </summary>
internal sealed class RedisTurnLeases(IConnectionMultiplexer redis, TurnRegistry registry, ILogger<RedisTurnLeases> logger)
    : ITurnLeases, IHostedService
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);

    private readonly string owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<Guid, byte> held = new();
    private readonly CancellationTokenSource stopping = new();
    private Task? renewing;

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
        renewing = RenewAsync(stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (renewing is not null)
        {
            await renewing;
        }
    }

    public async ValueTask<bool> TryAcquireAsync(Guid conversationId)
    {
        var taken = await redis.GetDatabase().LockTakeAsync(RedisKeys.TurnLease(conversationId), owner, Lifetime);
        if (taken)
        {
            held[conversationId] = 0;
        }

        return taken;
    }

    public async ValueTask ReleaseAsync(Guid conversationId)
    {
        held.TryRemove(conversationId, out _);
        await redis.GetDatabase().LockReleaseAsync(RedisKeys.TurnLease(conversationId), owner);
    }

    public async ValueTask<bool> IsHeldAsync(Guid conversationId) =>
        !(await redis.GetDatabase().LockQueryAsync(RedisKeys.TurnLease(conversationId))).IsNull;

    public async ValueTask RequestStopAsync(Guid conversationId)
    {
        if (!registry.Stop(conversationId))
        {
            await redis.GetSubscriber().PublishAsync(RedisKeys.Stop, conversationId.ToString());
        }
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                foreach (var conversationId in held.Keys)
                {
                    try
                    {
                        await redis.GetDatabase().LockExtendAsync(RedisKeys.TurnLease(conversationId), owner, Lifetime);
                    }
                    catch (RedisException exception)
                    {
                        logger.LogWarning(exception, "Could not renew the turn lease of conversation {ConversationId}", conversationId);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
