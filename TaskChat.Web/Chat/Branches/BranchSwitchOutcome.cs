namespace TaskChat.Web.Chat.Branches;

/// <summary>
/// What a branch switch came to. <see cref="ReplyStreaming"/>: a reply is still being written in
/// the conversation, on the branch it was asked on; switching under it would leave the user on
/// one branch while that reply lands on another.
/// </summary>
public enum BranchSwitchOutcome { Switched, ConversationNotFound, MessageNotFound, ReplyStreaming }
