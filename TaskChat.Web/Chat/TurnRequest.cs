namespace TaskChat.Web.Chat;

/// <summary>What starts a turn: a message, or the answer to a deletion card (which reads as "Yes"/"No").</summary>
public sealed record TurnRequest(Guid? ConversationId, string? Text, string? ClientMessageId, Guid? ConfirmToolCallId = null)
{
    public static TurnRequest From(SendMessageRequest request) =>
        new(request.ConversationId, request.Text, request.ClientMessageId);

    public static TurnRequest From(ChatRequest request) =>
        new(request.ConversationId, request.Message, request.ClientMessageId);

    public static TurnRequest From(ConfirmToolCallRequest request) =>
        new(request.ConversationId, request.Approve ? "Yes" : "No", null, request.ToolCallId);
}

/// <summary>A turn that was started or found again (a repeated client_message_id), or why none was.</summary>
public sealed record TurnStart(Guid ConversationId, Guid AssistantMessageId, long FirstEvent, ErrorEvent? Error)
{
    public static TurnStart Refused(Guid? conversationId, string code, string message) =>
        new(conversationId ?? Guid.Empty, Guid.Empty, 0, new ErrorEvent(conversationId ?? Guid.Empty, 0, code, message));
}
