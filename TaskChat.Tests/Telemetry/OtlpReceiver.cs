using System.IO.Compression;
using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Telemetry;

/// <summary>
/// An OTLP/HTTP collector for one test: Kestrel on 127.0.0.1 accepting protobuf on
/// /v1/traces, /v1/metrics and /v1/logs, keeping every request body as it arrived (unzipped).
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly List<(string Signal, ByteString Body)> received = [];
    private WebApplication app = null!;

    private OtlpReceiver()
    {
    }

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<(string Signal, ByteString Body)> Received
    {
        get
        {
            lock (received)
            {
                return [.. received];
            }
        }
    }

    public IEnumerable<ByteString> Bodies(string signal) => Received.Where(r => r.Signal == signal).Select(r => r.Body);

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        receiver.app = builder.Build();
        receiver.app.MapPost("/v1/{signal}", receiver.ReceiveAsync);
        await receiver.app.StartAsync().WaitAsync(TestSettings.Timeout);
        var address = receiver.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Address = new Uri(address);
        return receiver;
    }

    /// <summary>Polls what has arrived until <paramref name="done"/> holds; fails the test after the timeout.</summary>
    public async Task<T> WaitForAsync<T>(Func<OtlpReceiver, T?> done, string what) where T : class
    {
        var deadline = DateTime.UtcNow + TestSettings.Timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (done(this) is { } result)
            {
                return result;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No {what} arrived at the OTLP receiver within {TestSettings.Timeout.TotalSeconds} s; got {Received.Count} requests ({string.Join(", ", Received.GroupBy(r => r.Signal).Select(g => $"{g.Key}: {g.Count()}"))}).");
    }

    private async Task<IResult> ReceiveAsync(string signal, HttpRequest request)
    {
        if (request.ContentType != "application/x-protobuf")
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var body = request.Body;
        if (request.Headers.ContentEncoding == "gzip")
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }

        using var copy = new MemoryStream();
        await body.CopyToAsync(copy);
        lock (received)
        {
            received.Add((signal, ByteString.CopyFrom(copy.ToArray())));
        }

        // An empty Export*ServiceResponse: everything accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
