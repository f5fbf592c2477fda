namespace TaskChat.Web.Chat.Contracts;

/// <summary>The Confirm / Cancel buttons of a deletion card.</summary>
public sealed record ConfirmToolCallRequest(Guid ConversationId, Guid ToolCallId, bool Approve);
