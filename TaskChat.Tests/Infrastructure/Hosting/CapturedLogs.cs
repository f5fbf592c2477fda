using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace TaskChat.Tests.Infrastructure.Hosting;

/// <summary>
/// A Serilog sink the test application adds next to the app's own console sink, so a test
/// can read every event the app logged, rendered as the console renders it (message and all
/// properties).
/// </summary>
public sealed class CapturedLogs : ILogEventSink
{
    private static readonly MessageTemplateTextFormatter Formatter =
        new("[{Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}");

    private readonly ConcurrentQueue<string> lines = new();

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter();
        Formatter.Format(logEvent, writer);
        lines.Enqueue(writer.ToString().TrimEnd());
    }

    public IReadOnlyList<string> Lines => lines.ToArray();

    public string Text => string.Join(Environment.NewLine, lines);
}
