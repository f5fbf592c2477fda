namespace TaskChat.Tests.Infrastructure.Clients;

/// <summary>A task as the wire contract describes it (snake_case), read independently of the app's own types.</summary>
public sealed record TaskJson(
    int Number,
    string Title,
    string? Description,
    bool IsCompleted,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? CompletedAt,
    string? DueDate = null,
    string Priority = "normal",
    string? List = null);
