using System.Text.Json;
using StackExchange.Redis;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Operations;

namespace TaskChat.Web.ScaleOut;

/// <summary>
/// A turn running on this node, as Redis should hold it. Every event is kept here too, so that
/// when Redis drops and comes back (possibly empty) the turn's list can be written again whole
/// and watchers on any node resume it with no gap. While Redis is out nothing is sent to it:
/// the turn goes on, and its events wait here.
/// </summary>
internal sealed class OwnedTurn(Guid conversationId, long firstEvent)
{
    /// <summary>How long a turn's events stay in Redis after the last refresh: the resume window.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);

    /// <summary>The list's expiry is refreshed at most this often, not per token.</summary>
    public static readonly TimeSpan ExpireEvery = TimeSpan.FromSeconds(1);

    // Rewrites the list atomically, so a watcher never reads it half written; RPUSH in chunks
    // because Lua's unpack has a limit on arguments.
    private const string RewriteScript = """
        redis.call('DEL', KEYS[1])
        for i = 2, #ARGV, 500 do
            redis.call('RPUSH', KEYS[1], unpack(ARGV, i, math.min(i + 499, #ARGV)))
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        return #ARGV - 1
        """;

    private readonly Lock gate = new();
    private readonly List<string> stored = [];
    private bool synced = true;
    private long lastExpireTicks;

    public Guid ConversationId => conversationId;
    public long FirstEvent => firstEvent;
    public bool IsFinished => FinishedAt is not null;
    public DateTime? FinishedAt { get; private set; }

    /// <summary>True while Redis holds every event of this turn.</summary>
    public bool IsSynced
    {
        get
        {
            lock (gate)
            {
                return synced;
            }
        }
    }

    public bool Owns(ChatEvent chatEvent) =>
        chatEvent.Event >= firstEvent && chatEvent.Event < firstEvent + EventNumbers.PerTurn;

    /// <summary>
    /// Keeps the event and, when Redis is there, appends it to the list and publishes it. Fire
    /// and forget keeps a token's cost to one write on the socket; commands on one connection
    /// run in order, so the list and the channel stay in event order.
    /// </summary>
    public void Publish(ChatEvent chatEvent, IDatabase database, bool redisAvailable)
    {
        var json = JsonSerializer.Serialize(chatEvent, JsonDefaults.Wire);
        lock (gate)
        {
            stored.Add(json);
            if (chatEvent is MessageCompletedEvent)
            {
                FinishedAt = DateTime.UtcNow;
            }
            if (!synced || !redisAvailable)
            {
                synced = false;
                return;
            }

            try
            {
                var key = RedisKeys.TurnEvents(conversationId);
                database.ListRightPush(key, json, flags: CommandFlags.FireAndForget);
                var now = Environment.TickCount64;
                if (IsFinished || now - lastExpireTicks >= (long)ExpireEvery.TotalMilliseconds)
                {
                    lastExpireTicks = now;
                    database.KeyExpire(key, Retention, flags: CommandFlags.FireAndForget);
                }

                database.Publish(RedisKeys.Events(conversationId), json, CommandFlags.FireAndForget);
                if (IsFinished)
                {
                    // Redis holds the whole turn now; the turn is kept only to know its echoes.
                    stored.Clear();
                }
            }
            catch (RedisException)
            {
                synced = false;
            }
        }
    }

    /// <summary>Redis dropped: whatever was sent since may be lost, so the list is rewritten when it is back.</summary>
    public void Unsync()
    {
        lock (gate)
        {
            synced = false;
        }
    }

    /// <summary>
    /// Writes the whole turn to Redis again, then publishes its latest event once more: a watcher
    /// that subscribed before the rewrite sees a number it did not expect and reads the list.
    /// </summary>
    public void Resync(IDatabase database)
    {
        lock (gate)
        {
            if (synced || stored.Count == 0)
            {
                return;
            }

            var arguments = new RedisValue[stored.Count + 1];
            arguments[0] = (long)Retention.TotalMilliseconds;
            for (var i = 0; i < stored.Count; i++)
            {
                arguments[i + 1] = stored[i];
            }

            database.ScriptEvaluate(RewriteScript, [RedisKeys.TurnEvents(conversationId)], arguments, CommandFlags.FireAndForget);
            database.Publish(RedisKeys.Events(conversationId), stored[^1], CommandFlags.FireAndForget);
            lastExpireTicks = Environment.TickCount64;
            synced = true;
        }
    }
}
