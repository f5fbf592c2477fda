namespace TaskChat.Web.Chat.Exports;

/// <summary>An exported conversation, ready to download.</summary>
public sealed record ConversationExport(byte[] Content, string ContentType, string FileName);
