using System.Threading.Channels;
using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Web.Chat.Events;

/// <summary>The single-node event bus: each conversation's feed buffers its turn in memory.</summary>
internal sealed class InMemoryChatEventBus(ConversationFeeds feeds) : IChatEventBus
{
    public ValueTask BeginTurnAsync(Guid conversationId, Guid assistantMessageId, long firstEvent)
    {
        feeds.Sweep();
        feeds.Get(conversationId).BeginTurn(new TurnBuffer(conversationId, assistantMessageId, firstEvent));
        return ValueTask.CompletedTask;
    }

    public ValueTask PublishAsync(ChatEvent chatEvent)
    {
        feeds.Get(chatEvent.ConversationId).Publish(chatEvent);
        return ValueTask.CompletedTask;
    }

    public ValueTask<ChatSubscription> SubscribeAsync(Guid conversationId, long? afterEvent, CancellationToken cancellationToken)
    {
        var feed = feeds.Get(conversationId);
        // Synchronous continuations let the publisher's thread carry an event straight on to the
        // waiting hub stream instead of queueing a second thread-pool work item per token: under
        // load that queue wait was added to every token's latency (docs/benchmarks.md). Not
        // SingleReader: that channel cannot count its backlog, which ConversationFeed uses to cut
        // off laggards.
        var channel = Channel.CreateUnbounded<ChatEvent>(new UnboundedChannelOptions { AllowSynchronousContinuations = true });
        var backlog = feed.Subscribe(channel, afterEvent);
        return ValueTask.FromResult(new ChatSubscription(conversationId, afterEvent, backlog, channel.Reader, () => feed.Unsubscribe(channel)));
    }
}
