using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Web.Chat.Events;

/// <summary>
/// Carries a conversation's events to everyone watching it and keeps the in-flight turn's
/// events so that a late or reconnecting watcher can resume without a gap or a repeat.
/// In-process by default; a Redis implementation carries them across nodes.
/// </summary>
public interface IChatEventBus
{
    /// <summary>Starts buffering a new turn; events published for it are kept until it is long finished.</summary>
    ValueTask BeginTurnAsync(Guid conversationId, Guid assistantMessageId, long firstEvent);

    ValueTask PublishAsync(ChatEvent chatEvent);

    /// <summary>
    /// Everything after <paramref name="afterEvent"/> in the in-flight (or just finished)
    /// turn, or a <see cref="TurnSnapshotEvent"/> of it when no number is given, then every later
    /// event of the conversation until the subscription is disposed. A number from before the
    /// buffered turn replays that turn from its <c>turn_started</c>.
    /// </summary>
    ValueTask<ChatSubscription> SubscribeAsync(Guid conversationId, long? afterEvent, CancellationToken cancellationToken);
}
