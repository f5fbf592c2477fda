namespace TaskChat.Web.Chat.Branches;

/// <summary>One message of a <see cref="ConversationTree"/>: where it sits, not what it says.</summary>
public sealed record TreeNode(Guid Id, Guid? ParentId, int SequenceNumber);
