using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Web.Chat.Events;

/// <summary>
/// How a stream is told it is over before its turn is: a signal written into a watcher's
/// channel, which <see cref="ChatSubscription"/> turns into the <c>stream_interrupted</c> error a
/// client sees, numbered with the last event that client got (so it resumes right after it).
/// </summary>
internal static class StreamInterruption
{
    public const string Message = "The live stream was interrupted. Resume with WatchConversation from the last event you saw.";

    /// <summary>The signal a feed writes; its number and conversation are filled in per watcher.</summary>
    public static readonly ErrorEvent Signal = new(Guid.Empty, 0, ChatErrorCodes.StreamInterrupted, Message);

    public static ErrorEvent For(Guid conversationId, long lastEvent) => Signal with { ConversationId = conversationId, Event = lastEvent };

    public static bool Is(ChatEvent chatEvent) => chatEvent is ErrorEvent { Code: ChatErrorCodes.StreamInterrupted };
}
