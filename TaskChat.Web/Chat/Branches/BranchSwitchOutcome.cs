namespace TaskChat.Web.Chat.Branches;

public enum BranchSwitchOutcome { Switched, ConversationNotFound, MessageNotFound }
