using System.Text.Json;
using StackExchange.Redis;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Operations;

namespace TaskChat.Web.ScaleOut;

/// <summary>
/// The event bus across nodes. A published event is appended to the turn's list in Redis
/// (what a late watcher on any node resumes from) and published on the conversation's
/// channel; every node relays what it hears to its local watchers. A watcher registers
/// locally first and reads the list second, so an event is never missed; one seen twice
/// around that seam is dropped by its number (<see cref="ChatSubscription"/>).
/// </summary>
internal sealed class RedisChatEventBus(IConnectionMultiplexer redis, ConversationFeeds feeds, ILogger<RedisChatEventBus> logger)
    : IChatEventBus, IHostedService
{
    /// <summary>How long a turn's events stay in Redis after the last one: the resume window.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);

    private ChannelMessageQueue? subscription;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = await redis.GetSubscriber().SubscribeAsync(RedisKeys.AllEvents);
        subscription.OnMessage(message =>
        {
            // Messages of one subscription arrive in order, so each conversation's events do too.
            // Only to feeds this node already has: a conversation nobody here watches or runs
            // needs none (a later watcher reads the backlog from Redis).
            if (Deserialize(message.Message) is { } chatEvent && feeds.TryGet(chatEvent.ConversationId) is { } feed)
            {
                feed.Publish(chatEvent);
            }
        });
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (subscription is not null)
        {
            await subscription.UnsubscribeAsync();
        }
    }

    public async ValueTask BeginTurnAsync(Guid conversationId, Guid assistantMessageId, long firstEvent)
    {
        feeds.Sweep();
        await redis.GetDatabase().KeyDeleteAsync(RedisKeys.TurnEvents(conversationId));
    }

    public ValueTask PublishAsync(ChatEvent chatEvent)
    {
        // Fire and forget keeps a token's cost to one write on the socket; commands on one
        // connection still run in order, so the list and the channel stay in event order.
        var json = JsonSerializer.Serialize(chatEvent, JsonDefaults.Wire);
        var database = redis.GetDatabase();
        var key = RedisKeys.TurnEvents(chatEvent.ConversationId);
        database.ListRightPush(key, json, flags: CommandFlags.FireAndForget);
        database.KeyExpire(key, Retention, flags: CommandFlags.FireAndForget);
        database.Publish(RedisKeys.Events(chatEvent.ConversationId), json, CommandFlags.FireAndForget);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<ChatSubscription> SubscribeAsync(Guid conversationId, long? afterEvent, CancellationToken cancellationToken)
    {
        // Registered locally first, so nothing relayed from here on is missed; the turn's backlog
        // is Redis's, not this node's (the turn may run on another node).
        var local = feeds.Get(conversationId).Watch(afterEvent: null);
        try
        {
            var stored = await redis.GetDatabase().ListRangeAsync(RedisKeys.TurnEvents(conversationId));
            var events = stored.Select(value => Deserialize(value)).OfType<ChatEvent>().ToList();
            IReadOnlyList<ChatEvent> backlog = TurnBuffer.FromEvents(events) is not { } turn
                ? []
                : afterEvent is { } after ? turn.After(after).ToList() : [turn.Snapshot()];
            return local.WithBacklog(backlog);
        }
        catch
        {
            await local.DisposeAsync();
            throw;
        }
    }

    private ChatEvent? Deserialize(RedisValue value)
    {
        try
        {
            return JsonSerializer.Deserialize<ChatEvent>(value.ToString(), JsonDefaults.Wire);
        }
        catch (JsonException exception)
        {
            logger.LogWarning(exception, "Ignored an unreadable chat event from Redis");
            return null;
        }
    }
}
