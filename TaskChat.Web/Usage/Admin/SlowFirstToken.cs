using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Usage.Admin;

/// <summary>A slow reply: when, which model, how long its first token took. No conversation, no text.</summary>
public sealed record SlowFirstToken(DateTime At, string? Provider, string? Model, int FirstTokenMs, MessageStatus Status);
