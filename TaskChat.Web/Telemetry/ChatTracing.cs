using System.Diagnostics;
using Microsoft.Extensions.AI;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Operations;

namespace TaskChat.Web.Telemetry;

/// <summary>
/// The spans of a turn: the turn itself, the model call inside it and each tool call. Attributes
/// are ids, names, statuses, counts and timings only, never what anyone wrote: no message text,
/// no tool arguments or results (they hold task titles). Without a listener (no
/// OTEL_EXPORTER_OTLP_ENDPOINT) StartActivity returns null and each call here costs a null check.
/// </summary>
public static class ChatTracing
{
    public const string SourceName = "TaskChat.Chat";

    public static readonly ActivitySource Source = new(SourceName);

    public static Activity? StartTurn(Guid conversationId, Guid messageId)
    {
        var span = Source.StartActivity("chat turn");
        span?.SetTag("taskchat.conversation.id", conversationId.ToString());
        span?.SetTag("taskchat.message.id", messageId.ToString());
        return span;
    }

    public static void EndTurn(Activity? span, MessageStatus status)
    {
        span?.SetTag("taskchat.turn.status", Wire(status));
        if (status == MessageStatus.Failed)
        {
            span?.SetStatus(ActivityStatusCode.Error);
        }
    }

    public static Activity? StartModelCall(ChatClientMetadata? client)
    {
        var span = Source.StartActivity($"chat {client?.DefaultModelId}".TrimEnd(), ActivityKind.Client);
        span?.SetTag("gen_ai.operation.name", "chat");
        span?.SetTag("gen_ai.provider.name", client?.ProviderName);
        span?.SetTag("gen_ai.request.model", client?.DefaultModelId);
        return span;
    }

    public static void EndModelCall(Activity? span, string? responseModel, UsageDetails? usage, double? firstTokenMs)
    {
        span?.SetTag("gen_ai.response.model", responseModel);
        span?.SetTag("gen_ai.usage.input_tokens", usage?.InputTokenCount);
        span?.SetTag("gen_ai.usage.output_tokens", usage?.OutputTokenCount);
        span?.SetTag("taskchat.first_token_ms", firstTokenMs is { } ms ? (long)ms : null);
    }

    public static Activity? StartToolCall(string name, string callId)
    {
        var span = Source.StartActivity($"execute_tool {name}", ActivityKind.Internal);
        span?.SetTag("gen_ai.operation.name", "execute_tool");
        span?.SetTag("gen_ai.tool.name", name);
        span?.SetTag("gen_ai.tool.call.id", callId);
        return span;
    }

    public static void EndToolCall(Activity? span, ToolCallStatus status)
    {
        span?.SetTag("taskchat.tool.status", Wire(status));
        if (status == ToolCallStatus.Failed)
        {
            span?.SetStatus(ActivityStatusCode.Error);
        }

        span?.Dispose();
    }

    private static string Wire<TEnum>(TEnum value) where TEnum : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(value, JsonDefaults.Wire).Trim('"');
}
