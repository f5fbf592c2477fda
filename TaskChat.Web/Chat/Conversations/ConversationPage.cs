using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Web.Chat.Conversations;

/// <summary>A page of the conversation list and, when more follow, the cursor of the next one.</summary>
public sealed record ConversationPage(IReadOnlyList<ConversationDto> Conversations, string? Next);
