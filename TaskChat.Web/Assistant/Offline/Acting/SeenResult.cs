using System.Text.Json;
using Microsoft.Extensions.AI;

namespace TaskChat.Web.Assistant.Offline.Acting;

/// <summary>One tool call of this conversation with what it returned, as the offline assistant reads it.</summary>
public sealed record SeenResult(string Name, IReadOnlyDictionary<string, object?> Arguments, ToolStatus Status, string Message,
    SeenTask? Task, IReadOnlyList<SeenTask> Tasks, int More = 0)
{
    /// <summary>Every task the result names: its <c>task</c> and its <c>tasks</c>.</summary>
    public IReadOnlyList<SeenTask> AllTasks => Task is null ? Tasks : [Task, .. Tasks.Where(t => t.Number != Task.Number)];

    public static SeenResult Read(FunctionCallContent? call, FunctionResultContent result)
    {
        var parsed = ToolResult.Read(result.Result);
        var json = AsJson(result.Result);
        var task = json is { } element && element.TryGetProperty("task", out var one) ? SeenTask.From(one) : null;
        var tasks = json is { } listElement && listElement.TryGetProperty("tasks", out var many) && many.ValueKind == JsonValueKind.Array
            ? many.EnumerateArray().Select(SeenTask.From).OfType<SeenTask>().ToList()
            : [];
        var more = json is { } moreElement && moreElement.TryGetProperty("more", out var count) && count.TryGetInt32(out var n) ? n : 0;
        var arguments = call?.Arguments is { } args ? new Dictionary<string, object?>(args) : new Dictionary<string, object?>();
        return new SeenResult(call?.Name ?? "", arguments, parsed.Status, parsed.Message, task, tasks, more);
    }

    public string? Argument(string name) => Arguments.TryGetValue(name, out var value) ? value switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.String } text => text.GetString(),
        JsonElement element => element.GetRawText(),
        _ => value.ToString(),
    } : null;

    private static JsonElement? AsJson(object? result)
    {
        try
        {
            var element = result switch
            {
                JsonElement { ValueKind: JsonValueKind.String } text => JsonDocument.Parse(text.GetString() ?? "null").RootElement,
                JsonElement other => other,
                string text => JsonDocument.Parse(text).RootElement,
                null => default,
                _ => JsonSerializer.SerializeToElement(result, result.GetType(), ToolResult.JsonOptions),
            };
            return element.ValueKind == JsonValueKind.Object ? element : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
