using System.Collections.Concurrent;
using System.Threading.Channels;

namespace TaskChat.Web.Chat.Streaming;

/// <summary>The single-node event bus: one <see cref="ConversationFeed"/> per conversation in memory.</summary>
internal sealed class InMemoryChatEventBus(TimeProvider time) : IChatEventBus
{
    /// <summary>How long a finished turn stays resumable for a client that reconnects late.</summary>
    internal static readonly TimeSpan FinishedTurnRetention = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<Guid, ConversationFeed> feeds = new();

    public ValueTask BeginTurnAsync(Guid conversationId, Guid assistantMessageId, long firstEvent)
    {
        Sweep();
        Feed(conversationId).BeginTurn(new TurnBuffer(conversationId, assistantMessageId, firstEvent));
        return ValueTask.CompletedTask;
    }

    public ValueTask PublishAsync(ChatEvent chatEvent)
    {
        Feed(chatEvent.ConversationId).Publish(chatEvent);
        return ValueTask.CompletedTask;
    }

    public ValueTask<ChatSubscription> SubscribeAsync(Guid conversationId, long? afterEvent, CancellationToken cancellationToken)
    {
        var feed = Feed(conversationId);
        // Synchronous continuations let the publisher's thread carry an event straight on to the
        // waiting hub stream instead of queueing a second thread-pool work item per token: under
        // load that queue wait was added to every token's latency. (Not SingleReader: that
        // channel cannot count its backlog, which ConversationFeed uses to cut off laggards.)
        var channel = Channel.CreateUnbounded<ChatEvent>(new UnboundedChannelOptions { AllowSynchronousContinuations = true });
        var backlog = feed.Subscribe(channel, afterEvent);
        return ValueTask.FromResult(new ChatSubscription(backlog, channel.Reader, () => feed.Unsubscribe(channel)));
    }

    private ConversationFeed Feed(Guid conversationId) => feeds.GetOrAdd(conversationId, _ => new ConversationFeed());

    /// <summary>Drops feeds nobody watches whose last turn finished long enough ago.</summary>
    private void Sweep()
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
