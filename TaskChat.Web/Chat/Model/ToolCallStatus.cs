namespace TaskChat.Web.Chat.Model;

public enum ToolCallStatus { Running, Succeeded, Failed, NeedsConfirmation, Confirmed, Declined }
