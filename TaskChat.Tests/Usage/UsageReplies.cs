using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TaskChat.Tests.Models;

namespace TaskChat.Tests.Usage;

/// <summary>
/// Model replies for the usage fixture, in OpenAI's streaming chunk format, with the model name
/// and token usage each turn should be counted under, and an optional pause before the first chunk.
/// </summary>
public static class UsageReplies
{
    public static ScriptedReply Text(string model, string text, int promptTokens, int completionTokens, TimeSpan? pause = null) =>
        new(async (context, _) =>
        {
            await StartAsync(context);
            if (pause is { } wait)
            {
                await PauseAsync(wait, context.RequestAborted);
            }

            await ChunkAsync(context, model, new { role = "assistant", content = text }, null);
            await FinishAsync(context, model, "stop", promptTokens, completionTokens);
        });

    public static ScriptedReply Call(string model, string callId, string name, string argumentsJson, int promptTokens, int completionTokens) =>
        new(async (context, _) =>
        {
            await StartAsync(context);
            await ChunkAsync(context, model, new
            {
                role = "assistant",
                tool_calls = new[] { new { index = 0, id = callId, type = "function", function = new { name, arguments = argumentsJson } } },
            }, null);
            await FinishAsync(context, model, "tool_calls", promptTokens, completionTokens);
        });

    /// <summary>
    /// At least <paramref name="pause"/> by the stopwatch the app times first tokens with: a timer
    /// can fire a millisecond or more early on that clock, and the slow reply must measure as slow.
    /// </summary>
    private static async Task PauseAsync(TimeSpan pause, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(pause, cancellationToken);
        while (Stopwatch.GetElapsedTime(started) < pause)
        {
            await Task.Delay(1, cancellationToken);
        }
    }

    private static async Task StartAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream";
        await context.Response.StartAsync(context.RequestAborted);
    }

    private static async Task FinishAsync(HttpContext context, string model, string reason, int promptTokens, int completionTokens)
    {
        await ChunkAsync(context, model, new { }, reason);
        await WriteAsync(context, new
        {
            id = "chatcmpl-usage",
            @object = "chat.completion.chunk",
            created = 1_700_000_000,
            model,
            choices = Array.Empty<object>(),
            usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
        });
        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static Task ChunkAsync(HttpContext context, string model, object delta, string? finishReason) => WriteAsync(context, new
    {
        id = "chatcmpl-usage",
        @object = "chat.completion.chunk",
        created = 1_700_000_000,
        model,
        choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
    });

    private static async Task WriteAsync(HttpContext context, object chunk)
    {
        await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
