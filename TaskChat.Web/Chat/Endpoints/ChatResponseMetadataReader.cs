using System.Text.Json;
using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Web.Chat.Endpoints;

/// <summary>The <c>metadata</c> block of POST /api/v1/chat, read from what the turn stored on its message.</summary>
internal static class ChatResponseMetadataReader
{
    public static ChatResponseMetadata From(JsonElement? metadata)
    {
        if (metadata is not { ValueKind: JsonValueKind.Object } json)
        {
            return new ChatResponseMetadata("chat", null, 0, 0);
        }

        return new ChatResponseMetadata(
            String(json, "intent") ?? "chat",
            String(json, "tool_called"),
            json.TryGetProperty("confidence", out var confidence) && confidence.ValueKind == JsonValueKind.Number ? confidence.GetDouble() : 1.0,
            json.TryGetProperty("execution_time_ms", out var elapsed) && elapsed.ValueKind == JsonValueKind.Number ? elapsed.GetInt64() : 0);
    }

    private static string? String(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
