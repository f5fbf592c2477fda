namespace TaskChat.Web.Chat.Contracts;

public sealed record TokenEvent(Guid ConversationId, long Event, Guid MessageId, string Delta)
    : ChatEvent(ConversationId, Event);
