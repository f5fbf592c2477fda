using System.Text.Json;
using TaskChat.Web.Assistant;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Components;

/// <summary>
/// What a tool call card says, in words a person reads ("Add task “Buy groceries”") rather than
/// the JSON the model sent. wwwroot/js/chat/tool-text.js says the same for cards built live;
/// keep the two in step.
/// </summary>
public static class ToolCallText
{
    public static string Describe(string name, JsonElement arguments)
    {
        var number = Int(arguments, "number");
        var title = Str(arguments, "title");
        return name switch
        {
            ToolNames.AddTask => title is null ? "Add a task" : $"Add task {Quote(title)}",
            ToolNames.ListTasks => Str(arguments, "status")?.ToLowerInvariant() switch
            {
                "open" => "List open tasks",
                "completed" => "List completed tasks",
                _ => "List tasks",
            },
            ToolNames.CompleteTask => Bool(arguments, "completed") == false ? $"Reopen task {number}" : $"Complete task {number}",
            ToolNames.UpdateTask => title is null ? $"Update task {number}" : $"Rename task {number} to {Quote(title)}",
            ToolNames.DeleteTask => $"Delete task {number}",
            _ => name.Replace('_', ' '),
        };
    }

    /// <summary>The sentence the tool returned; written for a model, so the model-only hint is reworded.</summary>
    public static string? ResultMessage(JsonElement? result)
    {
        if (result is not { ValueKind: JsonValueKind.Object } value || Str(value, "message") is not { } message)
        {
            return result is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;
        }

        return message.Replace("Use list_tasks to see the numbers.", "Ask “show me my tasks” to see the numbers.");
    }

    /// <summary>The task a result is about (a deletion card names it), if any.</summary>
    public static string? TaskTitle(JsonElement? result) =>
        result is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("task", out var task) && task.ValueKind == JsonValueKind.Object
            ? Str(task, "title")
            : null;

    public static string Status(ToolCallStatus status) => status switch
    {
        ToolCallStatus.Running => "Running…",
        ToolCallStatus.Succeeded => "Done",
        ToolCallStatus.Failed => "Failed",
        ToolCallStatus.NeedsConfirmation => "Needs your confirmation",
        ToolCallStatus.Confirmed => "Confirmed",
        ToolCallStatus.Declined => "Cancelled",
        ToolCallStatus.Superseded => "Replaced by a newer deletion",
        _ => status.ToString(),
    };

    private static string Quote(string text) => $"“{text}”";

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.String => value.GetString() ?? "?",
                _ => "?",
            }
            : "?";

    private static bool? Bool(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String => bool.TryParse(value.GetString(), out var parsed) ? parsed : null,
                _ => null,
            }
            : null;
}
