using System.Collections.Concurrent;
using System.Text.Json;
using StackExchange.Redis;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Operations;

namespace TaskChat.Web.ScaleOut;

/// <summary>
/// The event bus across nodes. A published event is appended to the turn's list in Redis
/// (what a late watcher on any node resumes from) and published on the conversation's
/// channel; every other node relays what it hears to its local watchers, while the node
/// running the turn hands its events to its own watchers directly (its echo from Redis is
/// dropped), so the sender's stream does not wait on a round trip to Redis. A watcher registers
/// locally first and reads the list second, so an event is never missed; one seen twice
/// around that seam is dropped by its number (<see cref="ChatSubscription"/>), and one that
/// was lost (Redis dropped) is read back from the list when the next one shows the gap.
/// When Redis drops, every watcher on this node ends with <c>stream_interrupted</c> while the
/// turns running here go on (<see cref="OwnedTurn"/> keeps their events); when it is back,
/// their lists are written again.
/// </summary>
internal sealed class RedisChatEventBus(
    IConnectionMultiplexer redis, RedisAvailability availability, ConversationFeeds feeds, ILogger<RedisChatEventBus> logger)
    : IChatEventBus, IHostedService
{
    private static readonly TimeSpan KeepFinished = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ForgetEvery = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, OwnedTurn> owned = new();
    private long lastForget;
    private ChannelMessageQueue? subscription;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        availability.Lost += OnLost;
        availability.Restored += OnRestored;
        subscription = await redis.GetSubscriber().SubscribeAsync(RedisKeys.AllEvents);
        subscription.OnMessage(message =>
        {
            // Messages of one subscription arrive in order, so each conversation's events do too.
            // Only to feeds this node already has: a conversation nobody here watches or runs
            // needs none (a later watcher reads the backlog from Redis).
            if (Deserialize(message.Message) is { } chatEvent && !IsOwnEcho(chatEvent) && feeds.TryGet(chatEvent.ConversationId) is { } feed)
            {
                feed.Publish(chatEvent);
            }
        });
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        availability.Lost -= OnLost;
        availability.Restored -= OnRestored;
        if (subscription is not null && availability.IsAvailable)
        {
            await subscription.UnsubscribeAsync();
        }
    }

    public ValueTask BeginTurnAsync(Guid conversationId, Guid assistantMessageId, long firstEvent)
    {
        feeds.Sweep();
        ForgetFinishedTurns();
        owned[conversationId] = new OwnedTurn(conversationId, firstEvent);
        // Ordered before the turn's first RPUSH on the same connection, so no round trip is waited for.
        redis.GetDatabase().KeyDelete(RedisKeys.TurnEvents(conversationId), CommandFlags.FireAndForget);
        return ValueTask.CompletedTask;
    }

    public ValueTask PublishAsync(ChatEvent chatEvent)
    {
        if (owned.TryGetValue(chatEvent.ConversationId, out var turn) && turn.Owns(chatEvent))
        {
            turn.Publish(chatEvent, redis.GetDatabase(), availability.IsAvailable);
            feeds.TryGet(chatEvent.ConversationId)?.Publish(chatEvent);
            return ValueTask.CompletedTask;
        }

        // Not a turn that began here: relayed as is, and never a reason for a turn to fail.
        try
        {
            var json = JsonSerializer.Serialize(chatEvent, JsonDefaults.Wire);
            redis.GetDatabase().Publish(RedisKeys.Events(chatEvent.ConversationId), json, CommandFlags.FireAndForget);
        }
        catch (RedisException exception)
        {
            logger.LogWarning(exception, "Could not publish an event of conversation {ConversationId}", chatEvent.ConversationId);
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask<ChatSubscription> SubscribeAsync(Guid conversationId, long? afterEvent, CancellationToken cancellationToken)
    {
        if (!availability.IsAvailable)
        {
            return ChatSubscription.Interrupted(conversationId, afterEvent);
        }

        var feed = feeds.Get(conversationId);
        var channel = ConversationFeed.NewWatcher();
        feed.Subscribe(channel, afterEvent: null);
        try
        {
            var backlog = await ReadBacklogAsync(conversationId, afterEvent);
            return new ChatSubscription(conversationId, afterEvent, backlog, channel.Reader, () => feed.Unsubscribe(channel),
                (after, _) => ReadBacklogAsync(conversationId, after));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            feed.Unsubscribe(channel);
            logger.LogWarning(exception, "Could not read the events of conversation {ConversationId} from Redis", conversationId);
            return ChatSubscription.Interrupted(conversationId, afterEvent);
        }
        catch
        {
            feed.Unsubscribe(channel);
            throw;
        }
    }

    /// <summary>The turn Redis holds for the conversation, rebuilt from its list; null if none.</summary>
    internal async Task<TurnBuffer?> ReadTurnAsync(Guid conversationId)
    {
        var stored = await redis.GetDatabase().ListRangeAsync(RedisKeys.TurnEvents(conversationId));
        return TurnBuffer.FromEvents(stored.Select(value => Deserialize(value)).OfType<ChatEvent>().ToList());
    }

    /// <summary>
    /// Appends an event of a turn this node does not run to the turn's list (when the list holds
    /// that turn) and publishes it: how the end of a dead node's turn reaches every watcher.
    /// </summary>
    internal async Task PublishForAnotherNodeAsync(ChatEvent chatEvent, bool sameTurnAsList)
    {
        var json = JsonSerializer.Serialize(chatEvent, JsonDefaults.Wire);
        var database = redis.GetDatabase();
        var key = RedisKeys.TurnEvents(chatEvent.ConversationId);
        if (sameTurnAsList)
        {
            await database.ListRightPushAsync(key, json);
            await database.KeyExpireAsync(key, OwnedTurn.Retention);
        }

        await database.PublishAsync(RedisKeys.Events(chatEvent.ConversationId), json);
    }

    private async ValueTask<IReadOnlyList<ChatEvent>> ReadBacklogAsync(Guid conversationId, long? afterEvent)
    {
        if (await ReadTurnAsync(conversationId) is not { } turn)
        {
            return [];
        }

        return afterEvent is { } after ? turn.After(after).ToList() : [turn.Snapshot()];
    }

    private void OnLost()
    {
        foreach (var turn in owned.Values)
        {
            turn.Unsync();
        }

        var interrupted = feeds.InterruptAll();
        logger.LogInformation("Ended the live streams of {Feeds} conversations with stream_interrupted", interrupted);
    }

    private void OnRestored()
    {
        var database = redis.GetDatabase();
        var rewritten = 0;
        foreach (var (conversationId, turn) in owned)
        {
            turn.Resync(database);
            rewritten++;
            if (turn.IsFinished)
            {
                owned.TryRemove(KeyValuePair.Create(conversationId, turn));
            }
        }

        logger.LogInformation("Wrote the events of {Turns} turns of this node to Redis again", rewritten);
    }

    /// <summary>An event of a turn this node runs (or ran a moment ago): its watchers here have it already.</summary>
    private bool IsOwnEcho(ChatEvent chatEvent) =>
        owned.TryGetValue(chatEvent.ConversationId, out var turn) && turn.Owns(chatEvent);

    /// <summary>
    /// A finished turn is kept a while after its end, long enough for the echoes of its last
    /// events to come back from Redis and be known for echoes; then forgotten (at most every few
    /// seconds, so that a busy node does not walk the whole table on every turn).
    /// </summary>
    private void ForgetFinishedTurns()
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref lastForget) < (long)ForgetEvery.TotalMilliseconds)
        {
            return;
        }

        Interlocked.Exchange(ref lastForget, now);
        var cutoff = DateTime.UtcNow - KeepFinished;
        foreach (var (conversationId, turn) in owned)
        {
            if (turn.FinishedAt < cutoff && turn.IsSynced)
            {
                owned.TryRemove(KeyValuePair.Create(conversationId, turn));
            }
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
