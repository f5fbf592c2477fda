using System.Text.Json;

namespace TaskChat.Web.Chat.Contracts;

/// <summary>A tool call began. <see cref="Label"/> (an addition to the contract) says in words what it does.</summary>
public sealed record ToolCallStartedEvent(
    Guid ConversationId, long Event, Guid MessageId, Guid ToolCallId, string Name, JsonElement Arguments, string? Label = null)
    : ChatEvent(ConversationId, Event);
