using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TaskChat.Bench.Driver;

/// <summary>
/// An OTLP/HTTP endpoint on 127.0.0.1 that reads each export and throws it away, so --tracing
/// measures what the app pays to collect and send telemetry, not what a collector does with it.
/// </summary>
internal sealed class OtlpSink : IAsyncDisposable
{
    private readonly WebApplication app;

    private OtlpSink(WebApplication app, string address)
    {
        this.app = app;
        Address = address;
    }

    public string Address { get; }

    public long Requests;

    public static async Task<OtlpSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        OtlpSink? sink = null;
        app.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref sink!.Requests);
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        sink = new OtlpSink(app, address);
        return sink;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
