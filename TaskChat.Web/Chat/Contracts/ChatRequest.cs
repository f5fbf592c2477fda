namespace TaskChat.Web.Chat.Contracts;

public sealed record ChatRequest(string? Message, Guid? ConversationId, string? ClientMessageId);
