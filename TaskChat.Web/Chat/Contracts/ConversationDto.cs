namespace TaskChat.Web.Chat.Contracts;

public sealed record ConversationDto(Guid Id, string Title, DateTime CreatedAt, DateTime UpdatedAt, bool IsPinned = false);
