using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Web.Chat.Turns;

/// <summary>A turn that was started or found again (a repeated client_message_id), or why none was.</summary>
public sealed record TurnStart(Guid ConversationId, Guid AssistantMessageId, long FirstEvent, ErrorEvent? Error)
{
    public static TurnStart Refused(Guid? conversationId, string code, string message) =>
        new(conversationId ?? Guid.Empty, Guid.Empty, 0, new ErrorEvent(conversationId ?? Guid.Empty, 0, code, message));
}
