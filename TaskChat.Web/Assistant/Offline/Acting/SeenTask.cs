using System.Text.Json;

namespace TaskChat.Web.Assistant.Offline.Acting;

/// <summary>A task as a tool result showed it; read from the result's JSON, so every field a tool reports is seen.</summary>
public sealed record SeenTask(int Number, string Title, bool IsCompleted, DateOnly? DueDate, string Priority, string? List)
{
    public static SeenTask? From(JsonElement task)
    {
        if (task.ValueKind != JsonValueKind.Object || !task.TryGetProperty("number", out var number) || !number.TryGetInt32(out var n))
        {
            return null;
        }

        return new SeenTask(
            n,
            Text(task, "title") ?? "",
            task.TryGetProperty("is_completed", out var done) && done.ValueKind == JsonValueKind.True,
            DateOnly.TryParseExact(Text(task, "due_date"), "yyyy-MM-dd", out var due) ? due : null,
            Text(task, "priority") ?? "normal",
            Text(task, "list"));
    }

    private static string? Text(JsonElement task, string name) =>
        task.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
