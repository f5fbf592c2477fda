namespace TaskChat.Web.Chat.Contracts;

public sealed record WatchConversationRequest(Guid ConversationId, long? AfterEvent);
