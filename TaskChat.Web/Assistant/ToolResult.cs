using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace TaskChat.Web.Assistant;

public enum ToolStatus { Succeeded, Failed, NeedsConfirmation }

/// <summary>
/// What every task tool returns, serialized as
/// <c>{"status": "succeeded" | "failed" | "needs_confirmation", "message": "...", "task": {...}?, "tasks": [...]?, "previous": [...]?}</c>.
/// Expected failures (unknown number, invalid title) are results, not exceptions, so a model
/// reads a sentence it can act on instead of a generic "function failed". A call that changed
/// tasks records in <c>previous</c> how they were before, so the stored tool call is enough to undo it.
/// </summary>
public sealed record ToolResult(
    ToolStatus Status,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ToolTask? Task = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ToolTask>? Tasks = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ToolTask>? Previous = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? More = null)
{
    /// <summary>
    /// snake_case names and enum values, like the rest of the wire. Non-ASCII text (the curly
    /// quotes in messages) stays readable in the database and logs; HTML-sensitive characters
    /// are still escaped. Also used by <c>AIFunctionFactory</c> to bind arguments, so numbers
    /// sent as strings ("3") are accepted.
    /// </summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    public static ToolResult Succeeded(
        string message, ToolTask? task = null, IReadOnlyList<ToolTask>? tasks = null, IReadOnlyList<ToolTask>? previous = null) =>
        new(ToolStatus.Succeeded, message, task, tasks, previous);

    public static ToolResult Failed(string message) => new(ToolStatus.Failed, message);

    public static ToolResult NeedsConfirmation(string message, ToolTask task) => new(ToolStatus.NeedsConfirmation, message, task);

    public static ToolResult NeedsConfirmation(string message, IReadOnlyList<ToolTask> tasks) =>
        new(ToolStatus.NeedsConfirmation, message, Tasks: tasks);

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>
    /// Reads whatever a <c>FunctionResultContent.Result</c> holds: the <see cref="JsonElement"/>
    /// that <c>AIFunctionFactory</c> produces, JSON text, a <see cref="ToolResult"/>, or the plain
    /// error string <c>FunctionInvokingChatClient</c> substitutes when a tool throws (a failure).
    /// </summary>
    public static ToolResult Read(object? result)
    {
        switch (result)
        {
            case ToolResult toolResult:
                return toolResult;
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                return Deserialize(element.GetRawText()) ?? Failed(element.GetRawText());
            case JsonElement { ValueKind: JsonValueKind.String } element:
                return Read(element.GetString());
            case string text:
                return Deserialize(text) ?? Failed(string.IsNullOrWhiteSpace(text) ? "The tool returned nothing." : text);
            case null:
                return Failed("The tool returned nothing.");
            default:
                return Failed(result.ToString() ?? "The tool returned nothing.");
        }
    }

    /// <summary>The result as JSON text in this shape, whatever form it came in (see <see cref="Read(object?)"/>).</summary>
    public static string ToJson(object? result) => Read(result).ToJson();

    public static ToolStatus ReadStatus(string resultJson) => Read(resultJson).Status;

    public static ToolStatus ReadStatus(object? result) => Read(result).Status;

    private static ToolResult? Deserialize(string text)
    {
        if (!text.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<ToolResult>(text, JsonOptions);
            return parsed?.Message is null ? null : parsed;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly();
        return options;
    }
}
