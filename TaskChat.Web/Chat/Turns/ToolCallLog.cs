using System.Text.Json;
using Microsoft.Extensions.AI;
using TaskChat.Web.Assistant;
using TaskChat.Web.Chat.Conversations;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// Persists a turn's tool calls when they start and when they finish, and streams both
/// as events. The model's call id links a result to its call.
/// </summary>
internal sealed class ToolCallLog(TaskChatDbContext db, Guid messageId, TurnEmitter emitter, TimeProvider time)
{
    private readonly Dictionary<string, ToolCall> byCallId = [];

    public async Task StartedAsync(FunctionCallContent call)
    {
        var arguments = JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>());
        await StartedAsync(call.CallId, call.Name, arguments);
    }

    public async Task<ToolCall> StartedAsync(string callId, string name, string argumentsJson)
    {
        var row = new ToolCall
        {
            MessageId = messageId,
            CallId = callId,
            Name = name,
            Arguments = argumentsJson,
            Status = ToolCallStatus.Running,
            StartedAt = time.UtcNowForStorage(),
        };
        db.ToolCalls.Add(row);
        await db.SaveChangesAsync(CancellationToken.None);
        byCallId[callId] = row;
        await emitter.ToolCallStartedAsync(row.Id, name, MessageMapping.ParseOrNull(argumentsJson)!.Value);
        return row;
    }

    public async Task CompletedAsync(FunctionResultContent result)
    {
        if (!byCallId.TryGetValue(result.CallId, out var row))
        {
            return;
        }

        // A tool that threw reaches us as an error string, which ToolResult reads as a failure.
        var toolResult = ToolResult.Read(result.Result);
        await CompletedAsync(row, toolResult);
    }

    public async Task CompletedAsync(ToolCall row, ToolResult result)
    {
        var status = result.Status switch
        {
            ToolStatus.Failed => ToolCallStatus.Failed,
            ToolStatus.NeedsConfirmation => ToolCallStatus.NeedsConfirmation,
            _ => ToolCallStatus.Succeeded,
        };
        var resultJson = result.ToJson();
        row.Result = resultJson;
        row.Status = status;
        row.CompletedAt = time.UtcNowForStorage();
        await db.SaveChangesAsync(CancellationToken.None);
        await emitter.ToolCallCompletedAsync(row.Id, row.Name, MessageMapping.ParseOrNull(resultJson)!.Value, status);
    }

    /// <summary>A reply that ended mid-call (stopped, failed) leaves no call looking as if it still runs.</summary>
    public async Task AbandonUnfinishedAsync()
    {
        foreach (var row in byCallId.Values.Where(r => r.Status == ToolCallStatus.Running))
        {
            await CompletedAsync(row, ToolResult.Failed("The reply ended before this tool finished."));
        }
    }
}
