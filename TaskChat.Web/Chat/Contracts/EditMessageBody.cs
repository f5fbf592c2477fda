namespace TaskChat.Web.Chat.Contracts;

/// <summary>The REST twin of <c>EditMessage</c>: the ids are in the route.</summary>
public sealed record EditMessageBody(string? Text, string? ClientMessageId);
