using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Web.Assistant.Undo;

/// <summary>
/// The assistant's changes in one conversation that are still in effect, read from its stored
/// tool calls: every successful change is pushed, every successful undo pops the newest one, so
/// "undo" again reaches the change before.
/// </summary>
internal static class ConversationChanges
{
    private static readonly HashSet<string> Changing =
    [
        ToolNames.AddTask, ToolNames.UpdateTask, ToolNames.CompleteTasks, ToolNames.CompleteTask,
        ToolNames.DeleteTask, ToolNames.DeleteTasks, ToolNames.UndoLastChange,
    ];

    public static async Task<ChangeRecord?> LatestAsync(TaskChatDbContext db, Guid conversationId, CancellationToken cancellationToken)
    {
        var rows = await db.ToolCalls.AsNoTracking()
            .Where(t => t.Message!.ConversationId == conversationId && t.Status == ToolCallStatus.Succeeded && Changing.Contains(t.Name))
            .OrderBy(t => t.StartedAt).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Name, t.Arguments, t.Result })
            .ToListAsync(cancellationToken);

        var inEffect = new Stack<ChangeRecord>();
        foreach (var row in rows)
        {
            var confirmed = ToolNames.ProposesDeletion(row.Name) && IsConfirmation(row.Arguments);
            if (ToolNames.ProposesDeletion(row.Name) && !confirmed)
            {
                continue;
            }

            var record = new ChangeRecord(row.Id, row.Name, ToolResult.Read(row.Result), confirmed);
            if (record.IsUndo)
            {
                inEffect.TryPop(out _);
            }
            else
            {
                inEffect.Push(record);
            }
        }

        return inEffect.TryPeek(out var latest) ? latest : null;
    }

    /// <summary>A deletion the server carried out after the user confirmed it (the proposal itself changed nothing).</summary>
    private static bool IsConfirmation(string arguments)
    {
        using var json = JsonDocument.Parse(arguments);
        return json.RootElement.ValueKind == JsonValueKind.Object
            && json.RootElement.TryGetProperty("confirmed", out var confirmed) && confirmed.ValueKind == JsonValueKind.True;
    }
}
