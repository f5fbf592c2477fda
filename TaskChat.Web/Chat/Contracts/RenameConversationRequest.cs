namespace TaskChat.Web.Chat.Contracts;

public sealed record RenameConversationRequest(string? Title);
