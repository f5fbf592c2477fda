using System.Text.Json;
using TaskChat.Web.Chat.Components;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Events;

/// <summary>Numbers and publishes the events of one turn, in order.</summary>
internal sealed class TurnEmitter(IChatEventBus bus, Guid conversationId, Guid messageId, long firstEvent)
{
    private long next = firstEvent;

    public long FirstEvent { get; } = firstEvent;

    public long LastEvent => next - 1;

    public ValueTask TurnStartedAsync(MessageDto userMessage, string conversationTitle) =>
        bus.PublishAsync(new TurnStartedEvent(conversationId, next++, userMessage, messageId, conversationTitle));

    public ValueTask TokenAsync(string delta) =>
        bus.PublishAsync(new TokenEvent(conversationId, next++, messageId, delta));

    public ValueTask ToolCallStartedAsync(Guid toolCallId, string name, JsonElement arguments) =>
        bus.PublishAsync(new ToolCallStartedEvent(conversationId, next++, messageId, toolCallId, name, arguments, ToolCallText.Describe(name, arguments)));

    public ValueTask ToolCallCompletedAsync(Guid toolCallId, string name, JsonElement result, ToolCallStatus status) =>
        bus.PublishAsync(new ToolCallCompletedEvent(conversationId, next++, toolCallId, name, result, status, ToolCallText.Summary(status, result)));

    public ValueTask ErrorAsync(string code, string message) =>
        bus.PublishAsync(new ErrorEvent(conversationId, next++, code, message));

    public ValueTask MessageCompletedAsync(string content, MessageStatus status) =>
        bus.PublishAsync(new MessageCompletedEvent(conversationId, next++, messageId, content, status));
}
