namespace TaskChat.Web.Chat.Model;

public enum MessageStatus { Completed, Streaming, Cancelled, Failed, Interrupted }
