using System.Text.Json.Serialization;

namespace TaskChat.Web.Chat.Contracts;

/// <summary><see cref="RetryAfterSeconds"/> is sent only with <c>rate_limited</c>, and left out otherwise.</summary>
public sealed record ErrorEvent(
    Guid ConversationId,
    long Event,
    string Code,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RetryAfterSeconds = null)
    : ChatEvent(ConversationId, Event);
