using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Web.Chat.Turns;

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
