using System.Text.Json.Serialization;
using TaskChat.Web.Chat.Events;

namespace TaskChat.Web.Chat.Contracts;

// The chat wire contract, REST and hub alike, one record per file in this folder; snake_case on the wire.

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
