using System.Collections.Concurrent;

namespace TaskChat.Web.Chat.Streaming;

/// <summary>This node's <see cref="ConversationFeed"/>s, created on demand and dropped when idle.</summary>
internal sealed class ConversationFeeds(TimeProvider time)
{
    /// <summary>How long a finished turn stays resumable for a client that reconnects late.</summary>
    internal static readonly TimeSpan FinishedTurnRetention = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<Guid, ConversationFeed> feeds = new();

    public ConversationFeed Get(Guid conversationId) => feeds.GetOrAdd(conversationId, _ => new ConversationFeed());

    /// <summary>Drops feeds nobody watches whose last turn finished long enough ago.</summary>
    public void Sweep()
    {
        var cutoff = time.GetUtcNow().UtcDateTime - FinishedTurnRetention;
        foreach (var (id, feed) in feeds)
        {
            if (feed.IsIdleSince(cutoff))
            {
                feeds.TryRemove(KeyValuePair.Create(id, feed));
            }
        }
    }
}
