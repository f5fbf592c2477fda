using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Models;

/// <summary>
/// An OpenAI-compatible chat completions server on real Kestrel (127.0.0.1, a port the OS picks),
/// scripted per test: each request takes the next <see cref="ScriptedReply"/> from the queue and is
/// recorded, so a test can assert what the SDK sent (tools, history, headers) and whether the
/// request was aborted. It answers <c>POST .../chat/completions</c> under any base path: OpenAI's
/// <c>/v1/</c>, Gemini's <c>/v1beta/openai/</c>, Azure's <c>/openai/deployments/{name}/</c>.
/// </summary>
public sealed class ScriptedModelServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ScriptedReply> script = new();
    private readonly List<RecordedRequest> requests = [];
    private readonly SemaphoreSlim arrived = new(0);
    private WebApplication app = null!;

    private ScriptedModelServer()
    {
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>OpenAI's layout: the SDK appends <c>/chat/completions</c>.</summary>
    public Uri OpenAIEndpoint => new(Address, "v1");

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    public static async Task<ScriptedModelServer> StartAsync()
    {
        var server = new ScriptedModelServer();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        server.app = builder.Build();
        server.app.MapPost("/{**path}", server.HandleAsync);
        await server.app.StartAsync().WaitAsync(TestSettings.Timeout);
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Address = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public void Enqueue(params ScriptedReply[] replies)
    {
        foreach (var reply in replies)
        {
            script.Enqueue(reply);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests have arrived, and returns the last of those.</summary>
    public async Task<RecordedRequest> WaitForRequestAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TestSettings.Timeout);
        while (Requests.Count < count)
        {
            await arrived.WaitAsync(timeout.Token);
        }

        return Requests[count - 1];
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.Request.Path.Value!.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var recorded = new RecordedRequest(context.Request.Path, context.Request.QueryString.Value ?? "", context.Request.Headers, body.RootElement.Clone());
        using var abortWatch = context.RequestAborted.Register(recorded.MarkAborted);
        lock (requests)
        {
            requests.Add(recorded);
        }

        arrived.Release();
        try
        {
            if (script.TryDequeue(out var reply))
            {
                await reply.RunAsync(context, recorded);
            }
            else
            {
                // 400, not 500: the app must not retry its way through an empty script.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new { error = new { message = "The scripted server has no reply left for this request." } });
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-reply; MarkAborted has recorded it.
        }
        finally
        {
            recorded.MarkEnded();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().WaitAsync(TestSettings.Timeout);
        await app.DisposeAsync();
        arrived.Dispose();
    }
}
