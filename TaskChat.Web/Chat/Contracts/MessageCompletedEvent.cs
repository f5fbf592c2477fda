using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Contracts;

public sealed record MessageCompletedEvent(
    Guid ConversationId, long Event, Guid MessageId, string Content, MessageStatus Status)
    : ChatEvent(ConversationId, Event);
