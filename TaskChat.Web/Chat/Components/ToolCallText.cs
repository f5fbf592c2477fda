using System.Text.Json;
using TaskChat.Web.Assistant;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Components;

/// <summary>
/// What a tool call card says, in words a person reads ("Add task “Buy groceries”") rather than
/// the JSON the model sent. The one source for the server-rendered cards and the live ones: hub
/// events carry <see cref="Describe"/> and <see cref="Summary"/> as <c>label</c> and <c>summary</c>,
/// and the page receives the icons and status words through <see cref="ChatVocabulary"/>.
/// </summary>
public static class ToolCallText
{
    public const string DefaultIcon = "•";

    public static IReadOnlyDictionary<string, string> Icons { get; } = new Dictionary<string, string>
    {
        [ToolNames.AddTask] = "+",
        [ToolNames.ListTasks] = "≡",
        [ToolNames.CompleteTask] = "✓",
        [ToolNames.UpdateTask] = "✎",
        [ToolNames.DeleteTask] = "✕",
        [ToolNames.FindTasks] = "⌕",
        [ToolNames.CompleteTasks] = "✓",
        [ToolNames.DeleteTasks] = "✕",
        [ToolNames.UndoLastChange] = "↶",
    };

    public static string Icon(string name) => Icons.GetValueOrDefault(name, DefaultIcon);

    public static string Describe(string name, JsonElement arguments)
    {
        var number = Int(arguments, "number");
        var title = Str(arguments, "title");
        return name switch
        {
            ToolNames.AddTask => title is null ? "Add a task" : $"Add task {Quote(title)}",
            ToolNames.ListTasks => ListWords(arguments),
            ToolNames.FindTasks => Str(arguments, "query") is { } query ? $"Find tasks matching {Quote(query)}" : "Find tasks",
            ToolNames.CompleteTasks => $"Complete {TaskNumbers(arguments)}",
            ToolNames.DeleteTasks => $"Delete {TaskNumbers(arguments)}",
            ToolNames.CompleteTask => Bool(arguments, "completed") == false ? $"Reopen task {number}" : $"Complete task {number}",
            ToolNames.UpdateTask => title is null ? $"Update task {number}" : $"Rename task {number} to {Quote(title)}",
            ToolNames.DeleteTask => $"Delete task {number}",
            ToolNames.UndoLastChange => "Undo the last change",
            _ => name.Replace('_', ' '),
        };
    }

    private static string ListWords(JsonElement arguments)
    {
        var status = Str(arguments, "status")?.ToLowerInvariant() switch
        {
            "open" => "open ",
            "completed" or "done" => "completed ",
            _ => "",
        };
        var due = Str(arguments, "due")?.ToLowerInvariant() switch
        {
            "today" => " due today",
            "overdue" => " that are overdue",
            "upcoming" => " due soon",
            _ => "",
        };
        var list = Str(arguments, "list") is { } name ? $" on {Quote(name)}" : "";
        return $"List {status}tasks{list}{due}";
    }

    /// <summary>"task 2", "tasks 2 and 4" from a <c>numbers</c> argument.</summary>
    private static string TaskNumbers(JsonElement arguments)
    {
        var numbers = arguments.ValueKind == JsonValueKind.Object && arguments.TryGetProperty("numbers", out var value)
            && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(n => n.ValueKind == JsonValueKind.String ? n.GetString() ?? "?" : n.GetRawText()).ToList()
            : [];
        return numbers.Count switch
        {
            0 => "tasks",
            1 => $"task {numbers[0]}",
            _ => $"tasks {string.Join(", ", numbers.Take(numbers.Count - 1))} and {numbers[^1]}",
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

    /// <summary>What a card says under its head once the call has a result: for people, not the model.</summary>
    public static string? Summary(ToolCallStatus status, JsonElement? result) => status switch
    {
        ToolCallStatus.NeedsConfirmation => $"{Proposed(result)} will be deleted once you confirm. You can also reply “yes” or “no”.",
        ToolCallStatus.Superseded => "Not deleted: a newer deletion replaced this one.",
        ToolCallStatus.Declined => TaskTitles(result).Count == 0 ? "Kept: nothing was deleted." : $"Kept {Proposed(result)}",
        // An answered proposal still holds the sentence written for the model ("not deleted yet").
        ToolCallStatus.Confirmed when IsProposal(result) => TaskTitles(result).Count == 0 ? "Deleted." : $"Deleted {Proposed(result)}",
        _ => ResultMessage(result),
    };

    private static bool IsProposal(JsonElement? result) =>
        result is { ValueKind: JsonValueKind.Object } value && Str(value, "status") == "needs_confirmation";

    /// <summary>Every task a deletion proposal names: "“Two” and “Four”", or "This task".</summary>
    private static string Proposed(JsonElement? result)
    {
        var titles = TaskTitles(result);
        return titles.Count switch
        {
            0 => "This task",
            1 => Quote(titles[0]),
            _ => $"{string.Join(", ", titles.Take(titles.Count - 1).Select(Quote))} and {Quote(titles[^1])}",
        };
    }

    /// <summary>The tasks a result is about: its one <c>task</c>, or its <c>tasks</c> (a deletion of several).</summary>
    private static List<string> TaskTitles(JsonElement? result)
    {
        if (TaskTitle(result) is { } one)
        {
            return [one];
        }

        return result is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("tasks", out var tasks) && tasks.ValueKind == JsonValueKind.Array
            ? tasks.EnumerateArray().Select(t => Str(t, "title")).OfType<string>().ToList()
            : [];
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
