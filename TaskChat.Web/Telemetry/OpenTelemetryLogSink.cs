using OpenTelemetry.Logs;
using Serilog.Core;
using Serilog.Events;

namespace TaskChat.Web.Telemetry;

/// <summary>
/// Hands Serilog's events to OpenTelemetry's logger, so logs leave through the same OTLP pipeline
/// as traces and metrics, with the active span's ids. Serilog stays the app's only logging
/// pipeline (its redaction policy and levels apply); this is one more sink, registered only when
/// an endpoint is set. The provider is found on first use: it cannot be asked for while the
/// logger itself is being built.
/// </summary>
internal sealed class OpenTelemetryLogSink(IServiceProvider services) : ILogEventSink
{
    private ILoggerProvider? provider;

    public void Emit(LogEvent logEvent)
    {
        provider ??= services.GetServices<ILoggerProvider>().OfType<OpenTelemetryLoggerProvider>().FirstOrDefault();
        if (provider is null)
        {
            return;
        }

        var category = logEvent.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: string name } ? name : "TaskChat";
        var state = logEvent.Properties
            .Where(p => p.Key != "SourceContext")
            .Select(p => new KeyValuePair<string, object?>(p.Key, p.Value is ScalarValue scalar ? scalar.Value : p.Value.ToString()))
            .Append(new KeyValuePair<string, object?>("{OriginalFormat}", logEvent.MessageTemplate.Text))
            .ToList();
        provider.CreateLogger(category).Log(Level(logEvent.Level), default, state, logEvent.Exception, (_, _) => logEvent.RenderMessage());
    }

    private static LogLevel Level(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => LogLevel.Trace,
        LogEventLevel.Debug => LogLevel.Debug,
        LogEventLevel.Information => LogLevel.Information,
        LogEventLevel.Warning => LogLevel.Warning,
        LogEventLevel.Error => LogLevel.Error,
        _ => LogLevel.Critical,
    };
}
