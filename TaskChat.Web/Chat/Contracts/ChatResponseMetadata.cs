namespace TaskChat.Web.Chat.Contracts;

public sealed record ChatResponseMetadata(string Intent, string? ToolCalled, double Confidence, long ExecutionTimeMs);
