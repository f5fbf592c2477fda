namespace TaskChat.Web.Chat.Contracts;

public sealed record SendMessageRequest(Guid? ConversationId, string? Text, string? ClientMessageId);
