using System.Collections.Concurrent;

namespace TaskChat.Web.Operations;

/// <summary>
/// Serilog's logger factory makes a new logger, with its own caches, every time one is asked
/// for, and SignalR and Kestrel ask several times for each connection: about 2.6 KB of every idle
/// connection went to loggers. One logger per category, as the framework's own factory keeps.
/// </summary>
internal sealed class CachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => loggers.GetOrAdd(categoryName, inner.CreateLogger);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
