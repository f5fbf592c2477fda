namespace TaskChat.Web.Chat.Model;

public enum MessageRole { User, Assistant }
