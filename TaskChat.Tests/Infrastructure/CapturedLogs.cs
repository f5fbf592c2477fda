using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace TaskChat.Tests.Infrastructure;

/// <summary>
/// A Serilog sink the test application adds next to the app's own console sink, so a test
/// can read every event the app logged, rendered with all of its properties.
/// </summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<string> lines = new();

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter();
        writer.Write($"[{logEvent.Level}] {logEvent.RenderMessage()}");
        foreach (var (name, value) in logEvent.Properties)
        {
            writer.Write($" {name}=");
            value.Render(writer);
        }

        if (logEvent.Exception is not null)
        {
            writer.Write($" {logEvent.Exception}");
        }

        lines.Enqueue(writer.ToString());
    }

    public IReadOnlyList<string> Lines => lines.ToArray();

    public string Text => string.Join(Environment.NewLine, lines);
}
