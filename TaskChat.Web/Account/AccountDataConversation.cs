using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Web.Account;

/// <summary>A conversation with every message, oldest first, each with its tool calls.</summary>
public sealed record AccountDataConversation(
    Guid Id, string Title, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<MessageDto> Messages);
