namespace TaskChat.Web.Chat.Contracts;

public sealed record StopGenerationRequest(Guid ConversationId);
