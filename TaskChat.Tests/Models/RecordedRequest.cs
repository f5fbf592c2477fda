using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Models;

/// <summary>One request the scripted server received: what the SDK sent, and how it ended.</summary>
public sealed class RecordedRequest(string path, string query, IHeaderDictionary headers, JsonElement body)
{
    private readonly TaskCompletionSource aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Path { get; } = path;
    public string Query { get; } = query;
    public string? Authorization { get; } = headers.Authorization.FirstOrDefault();
    public string? ApiKeyHeader { get; } = headers["api-key"].FirstOrDefault();
    public JsonElement Body { get; } = body;

    public string? Model => Body.TryGetProperty("model", out var model) ? model.GetString() : null;
    public bool Streams => Body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True;

    public bool AsksForUsage =>
        Body.TryGetProperty("stream_options", out var options) && options.TryGetProperty("include_usage", out var include) && include.GetBoolean();

    public IReadOnlyList<string> ToolNames =>
        Body.TryGetProperty("tools", out var tools)
            ? [.. tools.EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()!)]
            : [];

    public IReadOnlyList<JsonElement> Messages => [.. Body.GetProperty("messages").EnumerateArray()];

    public IReadOnlyList<string> Roles => [.. Messages.Select(m => m.GetProperty("role").GetString()!)];

    /// <summary>A message's text whether the SDK sent it as a string or as content parts.</summary>
    public static string TextOf(JsonElement message) => message.TryGetProperty("content", out var content)
        ? content.ValueKind switch
        {
            JsonValueKind.String => content.GetString()!,
            JsonValueKind.Array => string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : "")),
            _ => "",
        }
        : "";

    public bool WasAborted => aborted.Task.IsCompleted;

    /// <summary>Completes when the client drops the request before the reply ended; fails the test after the usual timeout.</summary>
    public Task WaitForAbortAsync() => aborted.Task.WaitAsync(TestSettings.Timeout);

    public Task WaitForEndAsync() => ended.Task.WaitAsync(TestSettings.Timeout);

    internal void MarkAborted() => aborted.TrySetResult();

    internal void MarkEnded() => ended.TrySetResult();
}
