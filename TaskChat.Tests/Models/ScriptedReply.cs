using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace TaskChat.Tests.Models;

/// <summary>A tool call the scripted model makes, its JSON arguments sent in the given pieces.</summary>
public sealed record ScriptedCall(string Id, string Name, params string[] ArgumentPieces);

/// <summary>
/// What the scripted server does with one request. Streamed replies are OpenAI's chunk format:
/// <c>data: {chat.completion.chunk}\n\n</c> events, each flushed on its own, ending with <c>data: [DONE]</c>.
/// </summary>
public sealed class ScriptedReply(Func<HttpContext, RecordedRequest, Task> run)
{
    public const string Model = "scripted-model-1";
    public const int PromptTokens = 42;

    /// <summary>How long a reply that waits for the client waits at most, so no test can hang on it.</summary>
    private static readonly TimeSpan HoldLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Content pieces come this far apart, as a model's tokens do: TaskChat sends pieces that
    /// arrive together as one token event, and most tests are about pieces that do not.
    /// </summary>
    private static readonly TimeSpan PiecePace = TimeSpan.FromMilliseconds(15);

    public Task RunAsync(HttpContext context, RecordedRequest request) => run(context, request);

    /// <summary>Streams <paramref name="pieces"/> as content deltas, a moment apart, then stop, then a usage chunk.</summary>
    public static ScriptedReply Text(params string[] pieces) => Paced(PiecePace, pieces);

    /// <summary>Streams the pieces <paramref name="pace"/> apart, then stop.</summary>
    public static ScriptedReply Paced(TimeSpan pace, params string[] pieces) => new(async (context, _) =>
    {
        var sse = await Sse.StartAsync(context, pace);
        await sse.RoleAsync();
        foreach (var piece in pieces)
        {
            await sse.ContentAsync(piece);
        }

        await sse.FinishAsync("stop", completionTokens: pieces.Length);
    });

    /// <summary>All the pieces in one write, then stop: deltas queued up faster than they are read.</summary>
    public static ScriptedReply Burst(params string[] pieces) => new(async (context, _) =>
    {
        var sse = await Sse.StartAsync(context);
        await sse.RoleAsync();
        await sse.ContentAtOnceAsync(pieces);
        await sse.FinishAsync("stop", completionTokens: pieces.Length);
    });

    /// <summary>Optional text, then the calls one after another, each call's arguments split across chunks.</summary>
    public static ScriptedReply ToolCalls(params ScriptedCall[] calls) => ToolCalls(null, calls);

    public static ScriptedReply ToolCalls(string? textFirst, params ScriptedCall[] calls) => new(async (context, _) =>
    {
        var sse = await Sse.StartAsync(context);
        await sse.RoleAsync();
        if (textFirst is not null)
        {
            await sse.ContentAsync(textFirst);
        }

        for (var index = 0; index < calls.Length; index++)
        {
            await sse.ToolCallStartAsync(index, calls[index].Id, calls[index].Name);
            foreach (var piece in calls[index].ArgumentPieces)
            {
                await sse.ToolCallArgumentsAsync(index, piece);
            }
        }

        await sse.FinishAsync("tool_calls", completionTokens: 7);
    });

    /// <summary>An HTTP error with OpenAI's error body, before any streaming.</summary>
    public static ScriptedReply Status(int status, string? retryAfterSeconds = null) => new(async (context, _) =>
    {
        context.Response.StatusCode = status;
        if (retryAfterSeconds is not null)
        {
            context.Response.Headers.RetryAfter = retryAfterSeconds;
        }

        await context.Response.WriteAsJsonAsync(new { error = new { message = $"Scripted failure {status}", type = "server_error", code = status.ToString() } });
    });

    /// <summary>
    /// Streams the pieces, then drops the connection without finishing the reply once
    /// <paramref name="cut"/> completes. Kestrel aborts with a reset, which can overtake bytes it
    /// has not sent yet, so the test releases the cut only after the app has streamed the pieces.
    /// </summary>
    public static ScriptedReply CutAfter(Task cut, params string[] pieces) => new(async (context, _) =>
    {
        var sse = await Sse.StartAsync(context);
        await sse.RoleAsync();
        foreach (var piece in pieces)
        {
            await sse.ContentAsync(piece);
        }

        await cut.WaitAsync(HoldLimit, context.RequestAborted);
        context.Abort();
    });

    /// <summary>Streams <paramref name="before"/>, waits for <paramref name="gate"/> (at most 30 s), then streams <paramref name="after"/> and finishes.</summary>
    public static ScriptedReply Gated(Task gate, string[] before, string[] after) => new(async (context, _) =>
    {
        var sse = await Sse.StartAsync(context);
        await sse.RoleAsync();
        foreach (var piece in before)
        {
            await sse.ContentAsync(piece);
        }

        await gate.WaitAsync(HoldLimit, context.RequestAborted);
        foreach (var piece in after)
        {
            await sse.ContentAsync(piece);
        }

        await sse.FinishAsync("stop", completionTokens: before.Length + after.Length);
    });

    /// <summary>Streams the pieces, then ends the body cleanly without a finish reason or <c>[DONE]</c>.</summary>
    public static ScriptedReply EndsEarlyAfter(params string[] pieces) => new(async (context, _) =>
    {
        var sse = await Sse.StartAsync(context);
        await sse.RoleAsync();
        foreach (var piece in pieces)
        {
            await sse.ContentAsync(piece);
        }
    });

    /// <summary>Streams the pieces, then a chunk that is not JSON, then carries on as if nothing happened.</summary>
    public static ScriptedReply MalformedAfter(params string[] pieces) => new(async (context, _) =>
    {
        var sse = await Sse.StartAsync(context);
        await sse.RoleAsync();
        foreach (var piece in pieces)
        {
            await sse.ContentAsync(piece);
        }

        await sse.RawAsync("data: {\"id\": \"chatcmpl-broken\", \"choices\": [{\"delta\": {\"content\": \"oops\"\n\n");
        await sse.ContentAsync(" never shown");
        await sse.FinishAsync("stop", completionTokens: 1);
    });

    /// <summary>Sends the headers of a streamed reply, then nothing until <paramref name="silence"/> has passed (or the client leaves).</summary>
    public static ScriptedReply SilentFor(TimeSpan silence, params string[] piecesAfter) => new(async (context, _) =>
    {
        var sse = await Sse.StartAsync(context);
        await Task.Delay(silence, context.RequestAborted);
        await sse.RoleAsync();
        foreach (var piece in piecesAfter)
        {
            await sse.ContentAsync(piece);
        }

        await sse.FinishAsync("stop", completionTokens: piecesAfter.Length);
    });

    /// <summary>Streams the pieces, then holds the reply open until the client aborts it (at most 30 s).</summary>
    public static ScriptedReply HoldAfter(params string[] pieces) => new(async (context, _) =>
    {
        var sse = await Sse.StartAsync(context);
        await sse.RoleAsync();
        foreach (var piece in pieces)
        {
            await sse.ContentAsync(piece);
        }

        await Task.Delay(HoldLimit, context.RequestAborted);
    });

    /// <summary>Writes OpenAI's streaming chunks.</summary>
    private sealed class Sse(HttpResponse response, TimeSpan piecePace)
    {
        private readonly string id = $"chatcmpl-{Guid.NewGuid():N}";
        private bool contentSent;

        public static async Task<Sse> StartAsync(HttpContext context, TimeSpan? piecePace = null)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.StartAsync(context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            return new Sse(context.Response, piecePace ?? PiecePace);
        }

        public Task RoleAsync() => ChunkAsync(new { role = "assistant", content = "" }, null);

        /// <summary>Each piece after the first comes <c>piecePace</c> after the one before.</summary>
        public async Task ContentAsync(string text)
        {
            if (contentSent)
            {
                await Task.Delay(piecePace, response.HttpContext.RequestAborted);
            }

            contentSent = true;
            await ChunkAsync(new { content = text }, null);
        }

        /// <summary>Every piece in one write and one flush: what a client that fell behind finds waiting.</summary>
        public Task ContentAtOnceAsync(IEnumerable<string> pieces) =>
            RawAsync(string.Concat(pieces.Select(piece => Format(new { content = piece }, null))));

        public Task ToolCallStartAsync(int index, string callId, string name) => ChunkAsync(
            new { tool_calls = new[] { new { index, id = callId, type = "function", function = new { name, arguments = "" } } } }, null);

        public Task ToolCallArgumentsAsync(int index, string piece) => ChunkAsync(
            new { tool_calls = new[] { new { index, function = new { arguments = piece } } } }, null);

        public async Task FinishAsync(string reason, int completionTokens)
        {
            await ChunkAsync(new { }, reason);
            await WriteAsync(new
            {
                id,
                @object = "chat.completion.chunk",
                created = 1_700_000_000,
                model = Model,
                choices = Array.Empty<object>(),
                usage = new { prompt_tokens = PromptTokens, completion_tokens = completionTokens, total_tokens = PromptTokens + completionTokens },
            });
            await RawAsync("data: [DONE]\n\n");
        }

        public async Task RawAsync(string text)
        {
            await response.WriteAsync(text, response.HttpContext.RequestAborted);
            await response.Body.FlushAsync(response.HttpContext.RequestAborted);
        }

        private Task ChunkAsync(object delta, string? finishReason) => RawAsync(Format(delta, finishReason));

        private string Format(object delta, string? finishReason) => Line(new
        {
            id,
            @object = "chat.completion.chunk",
            created = 1_700_000_000,
            model = Model,
            choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
        });

        private Task WriteAsync(object chunk) => RawAsync(Line(chunk));

        private static string Line(object chunk) => $"data: {JsonSerializer.Serialize(chunk)}\n\n";
    }
}
