namespace TaskChat.Web.Chat.Contracts;

public sealed record MessagePage(IReadOnlyList<MessageDto> Messages, bool HasMore);
