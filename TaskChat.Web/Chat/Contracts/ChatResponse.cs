namespace TaskChat.Web.Chat.Contracts;

public sealed record ChatResponse(string Response, Guid ConversationId, Guid MessageId, ChatResponseMetadata Metadata);
