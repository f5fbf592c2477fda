using System.Text.Json;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Contracts;

public sealed record ToolCallCompletedEvent(
    Guid ConversationId, long Event, Guid ToolCallId, string Name, JsonElement Result, ToolCallStatus Status)
    : ChatEvent(ConversationId, Event);
