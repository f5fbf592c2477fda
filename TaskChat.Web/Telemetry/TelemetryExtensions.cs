using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog.Core;
using TaskChat.Web.Chat;

namespace TaskChat.Web.Telemetry;

/// <summary>
/// OpenTelemetry traces, metrics and logs, exported over OTLP only when an endpoint is set:
/// <code>
/// OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4317   # none: nothing is collected or sent
/// OTEL_EXPORTER_OTLP_PROTOCOL=grpc | http/protobuf    # default grpc
/// OTEL_SERVICE_NAME=taskchat                          # default taskchat
/// OTEL_METRIC_EXPORT_INTERVAL=60000                   # ms, read by the SDK
/// OTEL_BSP_SCHEDULE_DELAY=5000                        # ms between span batches, read by the SDK
/// </code>
/// </summary>
public static class TelemetryExtensions
{
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        if (OtlpSettings.From(builder.Configuration) is not { } otlp)
        {
            return builder;
        }

        var usesRedis = !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Redis"));
        builder.Services.AddSingleton(otlp);
        builder.Services.AddSingleton<ILogEventSink, OpenTelemetryLogSink>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(otlp.ServiceName))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(ChatTracing.SourceName)
                    // Hub method invocations (SendMessage, WatchConversation ...) as spans.
                    .AddSource("Microsoft.AspNetCore.SignalR.Server")
                    .AddAspNetCoreInstrumentation(options =>
                    {
                        options.Filter = context => !context.Request.Path.StartsWithSegments("/health");
                        // The hub's WebSocket requests carry the JWT as ?access_token=; keep the keys, never
                        // the values, whatever the instrumentation's own redaction switch says.
                        options.EnrichWithHttpRequest = (activity, request) =>
                        {
                            if (request.QueryString.HasValue)
                            {
                                activity.SetTag("url.query", string.Join('&', request.Query.Keys.Select(key => $"{key}=Redacted")));
                            }
                        };
                    })
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation();
                if (usesRedis)
                {
                    tracing.AddRedisInstrumentation();
                }
            })
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                // Open SignalR connections and their duration.
                .AddMeter("Microsoft.AspNetCore.Http.Connections")
                .AddMeter("Microsoft.AspNetCore.Server.Kestrel")
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(ChatMetrics.MeterName))
            .WithLogging()
            .UseOtlpExporter(otlp.Protocol == "grpc" ? OpenTelemetry.Exporter.OtlpExportProtocol.Grpc : OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf, otlp.Endpoint);
        return builder;
    }
}
