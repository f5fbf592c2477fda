using System.Text.Json;

namespace TaskChat.Web.Chat.Contracts;

public sealed record ToolCallStartedEvent(
    Guid ConversationId, long Event, Guid MessageId, Guid ToolCallId, string Name, JsonElement Arguments)
    : ChatEvent(ConversationId, Event);
