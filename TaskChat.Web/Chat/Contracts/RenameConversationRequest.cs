namespace TaskChat.Web.Chat.Contracts;

/// <summary><c>PATCH /api/v1/conversations/{id}</c>: a new title, pinning, or both.</summary>
public sealed record RenameConversationRequest(string? Title, bool? IsPinned = null);
