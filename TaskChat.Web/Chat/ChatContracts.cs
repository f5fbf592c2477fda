using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskChat.Web.Chat;

// The chat wire contract (DESIGN.md), REST and hub alike; snake_case on the wire.

// ---- Hub requests ----

public sealed record SendMessageRequest(Guid? ConversationId, string? Text, string? ClientMessageId);

public sealed record WatchConversationRequest(Guid ConversationId, long? AfterEvent);

public sealed record StopGenerationRequest(Guid ConversationId);

/// <summary>The Confirm / Cancel buttons of a deletion card.</summary>
public sealed record ConfirmToolCallRequest(Guid ConversationId, Guid ToolCallId, bool Approve);

// ---- REST requests and responses ----

public sealed record ChatRequest(string? Message, Guid? ConversationId, string? ClientMessageId);

public sealed record ChatResponse(string Response, Guid ConversationId, Guid MessageId, ChatResponseMetadata Metadata);

public sealed record ChatResponseMetadata(string Intent, string? ToolCalled, double Confidence, long ExecutionTimeMs);

public sealed record ConversationDto(Guid Id, string Title, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record RenameConversationRequest(string? Title);

public sealed record MessagePage(IReadOnlyList<MessageDto> Messages, bool HasMore);

public sealed record MessageDto(
    Guid Id,
    int SequenceNumber,
    MessageRole Role,
    string Content,
    MessageStatus Status,
    DateTime CreatedAt,
    IReadOnlyList<ToolCallDto> ToolCalls,
    JsonElement? Metadata = null);

public sealed record ToolCallDto(Guid Id, string Name, JsonElement Arguments, JsonElement? Result, ToolCallStatus Status);

// ---- Hub events ----

/// <summary>
/// One event of a conversation's stream. <see cref="Event"/> orders every event of a
/// conversation (see <see cref="EventNumbers"/>) and is what a client resumes from.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TurnStartedEvent), "turn_started")]
[JsonDerivedType(typeof(TokenEvent), "token")]
[JsonDerivedType(typeof(ToolCallStartedEvent), "tool_call_started")]
[JsonDerivedType(typeof(ToolCallCompletedEvent), "tool_call_completed")]
[JsonDerivedType(typeof(MessageCompletedEvent), "message_completed")]
[JsonDerivedType(typeof(TurnSnapshotEvent), "turn_snapshot")]
[JsonDerivedType(typeof(ErrorEvent), "error")]
public abstract record ChatEvent(Guid ConversationId, long Event);

public sealed record TurnStartedEvent(Guid ConversationId, long Event, MessageDto UserMessage, Guid AssistantMessageId)
    : ChatEvent(ConversationId, Event);

public sealed record TokenEvent(Guid ConversationId, long Event, Guid MessageId, string Delta)
    : ChatEvent(ConversationId, Event);

public sealed record ToolCallStartedEvent(
    Guid ConversationId, long Event, Guid MessageId, Guid ToolCallId, string Name, JsonElement Arguments)
    : ChatEvent(ConversationId, Event);

public sealed record ToolCallCompletedEvent(
    Guid ConversationId, long Event, Guid ToolCallId, string Name, JsonElement Result, ToolCallStatus Status)
    : ChatEvent(ConversationId, Event);

public sealed record MessageCompletedEvent(
    Guid ConversationId, long Event, Guid MessageId, string Content, MessageStatus Status)
    : ChatEvent(ConversationId, Event);

public sealed record TurnSnapshotEvent(
    Guid ConversationId, long Event, Guid MessageId, string Content, IReadOnlyList<ToolCallDto> ToolCalls, MessageStatus Status)
    : ChatEvent(ConversationId, Event);

/// <summary><see cref="RetryAfterSeconds"/> is sent only with <c>rate_limited</c>, and left out otherwise.</summary>
public sealed record ErrorEvent(
    Guid ConversationId,
    long Event,
    string Code,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RetryAfterSeconds = null)
    : ChatEvent(ConversationId, Event);

/// <summary>Error codes of <see cref="ErrorEvent"/>, stable for clients.</summary>
public static class ChatErrorCodes
{
    public const string InvalidRequest = "invalid_request";
    public const string MessageTooLong = "message_too_long";
    public const string ConversationNotFound = "conversation_not_found";
    public const string ToolCallNotFound = "tool_call_not_found";
    public const string TurnInProgress = "turn_in_progress";
    public const string ModelFailed = "model_failed";
}
