namespace TaskChat.Web.Chat.Contracts;

/// <summary>The REST twin of <c>RegenerateReply</c>: the ids are in the route.</summary>
public sealed record RegenerateReplyBody(string? ClientMessageId);
