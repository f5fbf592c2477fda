using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace TaskChat.Tests.Chat;

/// <summary>
/// Widens, for a test, the two moments that race when a client cancels a stream as the server
/// ends it. SignalR's dispatcher takes the stream's token source out of its table, logs
/// "Canceling stream" and only then cancels it; the stream's own end cleans up its scope, then
/// disposes that source, then removes it from the table. Here the log line and the scope's
/// cleanup each take a little while, so a cancel that arrives during the cleanup meets a source
/// disposed under it, every time rather than once in thousands.
/// </summary>
internal static class StreamCancelWindow
{
    public static readonly TimeSpan Cleanup = TimeSpan.FromMilliseconds(40);
    public static readonly TimeSpan CancelLog = TimeSpan.FromMilliseconds(120);

    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Serilog:MinimumLevel:Default"] = "Information",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher"] = "Debug",
    };

    public static void Widen(IServiceCollection services)
    {
        services.AddScoped<SlowCleanup>();
        services.AddSingleton<ILogEventSink, SlowCancelLog>();
        services.Configure<HubOptions>(options => options.AddFilter(new ResolvesSlowCleanup()));
    }

    /// <summary>Disposed with the invocation's scope, after the stream has ended.</summary>
    private sealed class SlowCleanup : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Task.Delay(Cleanup);
    }

    private sealed class ResolvesSlowCleanup : IHubFilter
    {
        public ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
        {
            context.ServiceProvider.GetRequiredService<SlowCleanup>();
            return next(context);
        }
    }

    /// <summary>Serilog sinks run on the logging thread: the dispatcher waits here between finding the source and cancelling it.</summary>
    private sealed class SlowCancelLog : ILogEventSink
    {
        public void Emit(LogEvent logEvent)
        {
            if (logEvent.Properties.TryGetValue("EventId", out var id) && id.ToString().Contains("CancelStream", StringComparison.Ordinal))
            {
                Thread.Sleep(CancelLog);
            }
        }
    }
}
