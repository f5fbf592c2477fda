using Serilog;
using Serilog.Events;
using Serilog.Templates;

namespace TaskChat.Web.Operations;

public static class LoggingExtensions
{
    /// <summary>
    /// One line per event: the properties the message does not already show come after it, and
    /// nothing at all when there are none (a plain output template writes an empty <c>{}</c>).
    /// </summary>
    private static readonly ExpressionTemplate ConsoleLine = new(
        "[{@t:HH:mm:ss} {@l:u3}] {SourceContext}: {@m}{#if rest(true) <> {}} {rest(true)}{#end}\n{@x}");

    /// <summary>
    /// Structured console logs; levels can be set with the standard <c>Logging:LogLevel</c> keys or
    /// under <c>Serilog:MinimumLevel</c>, sinks under <c>Serilog</c>. The
    /// app's logger is its own, not the static <c>Log.Logger</c>: several apps in one process
    /// (the test suite, the benchmark) otherwise write into whichever started last.
    /// </summary>
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        // Levels: TaskChat's defaults, then Logging:LogLevel, then the Serilog section; a later
        // setting for the same source wins, so every one of them can be changed from outside.
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) => logger
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .ApplyStandardLevels(builder.Configuration)
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Destructure.With<SecretRedactingPolicy>()
            .WriteTo.Console(ConsoleLine));
        var serilogFactory = builder.Services.Last(service => service.ServiceType == typeof(ILoggerFactory));
        builder.Services.Remove(serilogFactory);
        builder.Services.AddSingleton<ILoggerFactory>(services =>
            new CachingLoggerFactory((ILoggerFactory)serilogFactory.ImplementationFactory!(services)));
        return builder;
    }

    /// <summary>
    /// One line per request. The path is logged without its query string, because SignalR's
    /// WebSocket requests carry the JWT there as <c>access_token</c>.
    /// </summary>
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = RequestLevel;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
                diagnostics.Set("QueryKeys", string.Join(",", context.Request.Query.Keys));
        });
        return app;
    }

    /// <summary>
    /// Failures are errors, except a client that went away (a closed tab) which is nobody's
    /// fault; static files and health probes are routine and only show at Debug.
    /// </summary>
    private static LogEventLevel RequestLevel(HttpContext context, double elapsedMs, Exception? exception)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            return LogEventLevel.Debug;
        }

        if (exception is not null || context.Response.StatusCode >= 500)
        {
            return LogEventLevel.Error;
        }

        var path = context.Request.Path;
        return Path.HasExtension(path.Value) || path.StartsWithSegments("/health") ? LogEventLevel.Debug : LogEventLevel.Information;
    }
}
