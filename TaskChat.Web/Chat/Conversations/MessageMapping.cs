using System.Text.Json;
using TaskChat.Web.Chat.Components;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Conversations;

internal static class MessageMapping
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public static MessageDto ToDto(Message message) => new(
        message.Id,
        message.SequenceNumber,
        message.Role,
        message.Content,
        message.Status,
        message.CreatedAt,
        message.ToolCalls.OrderBy(t => t.StartedAt).ThenBy(t => t.Id).Select(ToDto).ToList(),
        ParseOrNull(message.Metadata),
        message.ParentId);

    public static ToolCallDto ToDto(ToolCall call)
    {
        var arguments = ParseOrNull(call.Arguments) ?? EmptyObject;
        var result = ParseOrNull(call.Result);
        return new(call.Id, call.Name, arguments, result, call.Status,
            ToolCallText.Describe(call.Name, arguments), call.Status == ToolCallStatus.Running ? null : ToolCallText.Summary(call.Status, result));
    }

    /// <summary>Stored JSON goes out as JSON, not as an escaped string; anything unparsable as a string value.</summary>
    public static JsonElement? ParseOrNull(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }
}
