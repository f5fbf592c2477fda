using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Contracts;

public sealed record TurnSnapshotEvent(
    Guid ConversationId, long Event, Guid MessageId, string Content, IReadOnlyList<ToolCallDto> ToolCalls, MessageStatus Status)
    : ChatEvent(ConversationId, Event);
