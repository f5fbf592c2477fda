using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Telemetry;

/// <summary>
/// What an OTLP collector receives from a turn: a trace with the turn, its model call and its tool
/// call under the hub invocation; the first-token histogram; logs; and nothing anyone wrote.
/// </summary>
public sealed class OpenTelemetryTests(TelemetryWorld world) : IClassFixture<TelemetryWorld>
{
    [Fact]
    public async Task ATurnIsOneTraceWithTurnModelAndToolSpans()
    {
        var trace = await world.Receiver.WaitForAsync(receiver =>
        {
            var spans = receiver.Bodies("traces").SelectMany(Otlp.Spans).ToList();
            var turn = spans.FirstOrDefault(s => s.Name == "chat turn" && s.Attributes.GetValueOrDefault("taskchat.message.id") == world.Turn.Completed.MessageId.ToString());
            if (turn is null)
            {
                return null;
            }

            var inTrace = spans.Where(s => s.TraceId == turn.TraceId).ToList();
            var model = inTrace.FirstOrDefault(s => s.ParentSpanId == turn.SpanId && s.Attributes.GetValueOrDefault("gen_ai.operation.name") == "chat");
            var tool = model is null ? null : inTrace.FirstOrDefault(s => s.ParentSpanId == model.SpanId && s.Name == "execute_tool add_task");
            return tool is null ? null : new { Turn = turn, Model = model!, Tool = tool, Spans = inTrace };
        }, "trace with the turn, model and tool spans");

        Assert.Equal("completed", trace.Turn.Attributes["taskchat.turn.status"]);
        Assert.Equal(world.Turn.ConversationId.ToString(), trace.Turn.Attributes["taskchat.conversation.id"]);
        Assert.Equal("succeeded", trace.Tool.Attributes["taskchat.tool.status"]);
        Assert.Equal("add_task", trace.Tool.Attributes["gen_ai.tool.name"]);
        Assert.True(long.Parse(trace.Model.Attributes["taskchat.first_token_ms"]) >= 0);

        // The turn hangs under the hub's SendMessage invocation, and its database writes are spans too.
        var parent = Assert.Single(trace.Spans, s => s.SpanId == trace.Turn.ParentSpanId);
        Assert.Contains("SendMessage", parent.Name);
        Assert.Contains(trace.Spans, s => s.Attributes.ContainsKey("db.system") || s.Attributes.ContainsKey("db.system.name"));

        var resource = world.Receiver.Bodies("traces").SelectMany(Otlp.Resources).First();
        Assert.Equal(world.ServiceName, resource["service.name"]);
    }

    [Fact]
    public async Task FirstTokenHistogramAndLogsAreExported()
    {
        var histogram = await world.Receiver.WaitForAsync(receiver =>
            receiver.Bodies("metrics").SelectMany(Otlp.Metrics).FirstOrDefault(m => m.Name == "taskchat.first_token" && m.HistogramCount >= 1),
            "taskchat.first_token histogram");
        Assert.Equal("histogram", histogram.Kind);

        var names = world.Receiver.Bodies("metrics").SelectMany(Otlp.Metrics).Select(m => m.Name).ToHashSet();
        Assert.Contains("taskchat.turns", names);
        Assert.Contains("http.server.request.duration", names);
        await world.Receiver.WaitForAsync(receiver => receiver.Bodies("logs").FirstOrDefault(), "log records");
    }

    [Fact]
    public async Task NoExportedAttributeHoldsTheMessageTextTheJwtOrThePassword()
    {
        // Wait for the whole turn's trace and the metrics, then read every byte that was exported.
        await ATurnIsOneTraceWithTurnModelAndToolSpans();
        await FirstTokenHistogramAndLogsAreExported();
        var jwt = world.User.AccessToken;
        string[] secrets = [world.SecretWord, world.MessageText, jwt, jwt.Split('.')[2], world.User.Password];

        var received = world.Receiver.Received;
        Assert.Contains(received, r => r.Signal == "traces");
        Assert.Contains(received, r => r.Signal == "logs");
        foreach (var (signal, body) in received)
        {
            var bytes = body.ToByteArray();
            foreach (var secret in secrets)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"An exported {signal} request holds '{secret[..Math.Min(12, secret.Length)]}...'.");
            }
        }

        // The query string was there, but its value was not.
        var queries = received.Where(r => r.Signal == "traces").SelectMany(r => Otlp.Spans(r.Body))
            .Where(s => s.Attributes.GetValueOrDefault("url.path") == "/hubs/chat/negotiate")
            .Select(s => s.Attributes.GetValueOrDefault("url.query"))
            .ToList();
        Assert.Contains("negotiateVersion=Redacted&access_token=Redacted", queries);
    }

    [Fact]
    public async Task NothingIsCollectedWithoutAnEndpoint()
    {
        await using var app = await TaskChatApplication.StartAsync();
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json", "OTEL_EXPORTER_OTLP_PROTOCOL is 'http/json'")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "localhost:4317", "OTEL_EXPORTER_OTLP_ENDPOINT is 'localhost:4317'")]
    public async Task ABadSettingStopsStartUpWithASentence(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318", [key] = value };
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TaskChatApplication.StartAsync(settings));
        Assert.Contains(message, failure.ToString());
    }
}
