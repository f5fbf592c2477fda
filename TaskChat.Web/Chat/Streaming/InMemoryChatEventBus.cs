using System.Threading.Channels;

namespace TaskChat.Web.Chat.Streaming;

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
        var channel = Channel.CreateUnbounded<ChatEvent>();
        var backlog = feed.Subscribe(channel, afterEvent);
        return ValueTask.FromResult(new ChatSubscription(backlog, channel.Reader, () => feed.Unsubscribe(channel)));
    }
}
