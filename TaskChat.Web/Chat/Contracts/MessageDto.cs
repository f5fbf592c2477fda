using System.Text.Json;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Contracts;

public sealed record MessageDto(
    Guid Id,
    int SequenceNumber,
    MessageRole Role,
    string Content,
    MessageStatus Status,
    DateTime CreatedAt,
    IReadOnlyList<ToolCallDto> ToolCalls,
    JsonElement? Metadata = null);
