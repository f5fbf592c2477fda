using System.Text.Json;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Contracts;

/// <summary>
/// A message as listed. <see cref="ParentId"/>, <see cref="SiblingIndex"/> (1-based) and
/// <see cref="SiblingCount"/> place it in the conversation's tree: a count above 1 means edits or
/// regenerated replies made other versions of it ("‹ 2/3 ›"), whose ids <see cref="SiblingIds"/>
/// lists, oldest first, for <c>PUT .../branch</c> (null when there is only the one).
/// </summary>
public sealed record MessageDto(
    Guid Id,
    int SequenceNumber,
    MessageRole Role,
    string Content,
    MessageStatus Status,
    DateTime CreatedAt,
    IReadOnlyList<ToolCallDto> ToolCalls,
    JsonElement? Metadata = null,
    Guid? ParentId = null,
    int SiblingIndex = 1,
    int SiblingCount = 1,
    IReadOnlyList<Guid>? SiblingIds = null);
