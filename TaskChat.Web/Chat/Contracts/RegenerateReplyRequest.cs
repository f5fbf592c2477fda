namespace TaskChat.Web.Chat.Contracts;

/// <summary>Hub <c>RegenerateReply</c>: another answer to the user message this reply answered.</summary>
public sealed record RegenerateReplyRequest(Guid ConversationId, Guid MessageId, string? ClientMessageId);
