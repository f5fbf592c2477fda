using System.Collections.Concurrent;

namespace TaskChat.Web.Chat.Events;

/// <summary>This node's <see cref="ConversationFeed"/>s, created on demand and dropped when idle.</summary>
internal sealed class ConversationFeeds(TimeProvider time)
{
    /// <summary>How long a finished turn stays resumable for a client that reconnects late.</summary>
    internal static readonly TimeSpan FinishedTurnRetention = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often a turn's start may sweep. A sweep visits every feed under its lock, so one per
    /// turn cost O(conversations) per turn and showed up as lock contention at 500 streams.
    /// </summary>
    internal static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Guid, ConversationFeed> feeds = new();
    private long nextSweepTicks;

    public ConversationFeed Get(Guid conversationId) => feeds.GetOrAdd(conversationId, _ => new ConversationFeed());

    public ConversationFeed? TryGet(Guid conversationId) => feeds.GetValueOrDefault(conversationId);

    /// <summary>Drops feeds nobody watches whose last turn finished long enough ago; at most once per <see cref="SweepInterval"/>.</summary>
    public void Sweep()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now.Ticks < due || Interlocked.CompareExchange(ref nextSweepTicks, now.Ticks + SweepInterval.Ticks, due) != due)
        {
            return;
        }

        var cutoff = now - FinishedTurnRetention;
        foreach (var (id, feed) in feeds)
        {
            if (feed.IsIdleSince(cutoff))
            {
                feeds.TryRemove(KeyValuePair.Create(id, feed));
            }
        }
    }
}
