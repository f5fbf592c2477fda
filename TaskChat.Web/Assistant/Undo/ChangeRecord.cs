namespace TaskChat.Web.Assistant.Undo;

/// <summary>One change the assistant made in a conversation, as its stored tool call tells it.</summary>
internal sealed record ChangeRecord(Guid ToolCallId, string Name, ToolResult Result, bool IsConfirmedDeletion)
{
    public bool IsUndo => Name == ToolNames.UndoLastChange;
}
