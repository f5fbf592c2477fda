using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Web.Chat.Components;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Tests.Components;

/// <summary>Messages and tool calls as the conversation store hands them to the components.</summary>
internal static class ComponentTestData
{
    public static BunitContext NewContext()
    {
        var context = new BunitContext();
        context.Services.AddSingleton<MarkdownRenderer>();
        return context;
    }

    public static MessageDto UserMessage(string content) =>
        new(Guid.NewGuid(), 1, MessageRole.User, content, MessageStatus.Completed, DateTime.UtcNow, []);

    public static MessageDto AssistantReply(string content, MessageStatus status = MessageStatus.Completed, params ToolCallDto[] calls) =>
        new(Guid.NewGuid(), 2, MessageRole.Assistant, content, status, DateTime.UtcNow, calls);

    public static ToolCallDto Call(string name, string arguments, ToolCallStatus status, string? result = null) =>
        new(Guid.NewGuid(), name, Json(arguments), result is null ? null : Json(result), status);

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
