namespace TaskChat.Web.Chat.Contracts;

/// <summary>Hub <c>EditMessage</c>: a new version of a user message, on a new branch from its parent.</summary>
public sealed record EditMessageRequest(Guid ConversationId, Guid MessageId, string? Text, string? ClientMessageId);
