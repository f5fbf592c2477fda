using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// What starts a turn: a message, the answer to a deletion card (which reads as "Yes"/"No"), a new
/// version of a user message (<see cref="EditOf"/>), or another reply (<see cref="RegenerateOf"/>).
/// </summary>
public sealed record TurnRequest(
    Guid? ConversationId, string? Text, string? ClientMessageId, Guid? ConfirmToolCallId = null, Guid? EditOf = null, Guid? RegenerateOf = null)
{
    public static TurnRequest From(SendMessageRequest request) =>
        new(request.ConversationId, request.Text, request.ClientMessageId);

    public static TurnRequest From(ChatRequest request) =>
        new(request.ConversationId, request.Message, request.ClientMessageId);

    public static TurnRequest From(ConfirmToolCallRequest request) =>
        new(request.ConversationId, request.Approve ? "Yes" : "No", null, request.ToolCallId);

    public static TurnRequest From(EditMessageRequest request) =>
        new(request.ConversationId, request.Text, request.ClientMessageId, EditOf: request.MessageId);

    public static TurnRequest From(RegenerateReplyRequest request) =>
        new(request.ConversationId, null, request.ClientMessageId, RegenerateOf: request.MessageId);

    /// <summary>Edits and regenerations start a branch beside an existing message.</summary>
    public bool Branches => EditOf is not null || RegenerateOf is not null;
}
