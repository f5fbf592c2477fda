namespace TaskChat.Web.Chat.Contracts;

public sealed record ErrorEvent(Guid ConversationId, long Event, string Code, string Message)
    : ChatEvent(ConversationId, Event);
