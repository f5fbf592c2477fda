namespace TaskChat.Web.Chat.Contracts;

/// <summary>
/// A turn began: the user's message is stored. <see cref="ConversationTitle"/> (an addition to
/// the contract) is the conversation's title as stored, so a page showing a new conversation
/// never has to work one out itself.
/// </summary>
public sealed record TurnStartedEvent(Guid ConversationId, long Event, MessageDto UserMessage, Guid AssistantMessageId, string? ConversationTitle = null)
    : ChatEvent(ConversationId, Event);
