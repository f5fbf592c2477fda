using System.Text.Json;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Contracts;

/// <summary>A tool call ended. <see cref="Summary"/> (an addition to the contract) is its outcome in a person's words.</summary>
public sealed record ToolCallCompletedEvent(
    Guid ConversationId, long Event, Guid ToolCallId, string Name, JsonElement Result, ToolCallStatus Status, string? Summary = null)
    : ChatEvent(ConversationId, Event);
