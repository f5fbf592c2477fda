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
        var channel = ConversationFeed.NewWatcher();
        var backlog = feed.Subscribe(channel, afterEvent);
        return ValueTask.FromResult(new ChatSubscription(conversationId, afterEvent, backlog, channel.Reader, () => feed.Unsubscribe(channel)));
    }
}
