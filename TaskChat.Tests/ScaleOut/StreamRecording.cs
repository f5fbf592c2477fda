using System.Diagnostics;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Tests.ScaleOut;

/// <summary>
/// Reads a hub stream in the background and notes when each event arrived, so a test can say
/// how long after a fault a client was told. Ends at the event <c>until</c> accepts, when the
/// stream ends, or after the test timeout.
/// </summary>
internal sealed class StreamRecording
{
    private readonly List<(ChatEvent Event, long At)> received = [];
    private readonly SemaphoreSlim changed = new(0);

    private StreamRecording(IAsyncEnumerable<ChatEvent> stream, Func<ChatEvent, bool> until) =>
        Finished = ReadAsync(stream, until);

    public Task<List<ChatEvent>> Finished { get; }

    public static StreamRecording Start(IAsyncEnumerable<ChatEvent> stream, Func<ChatEvent, bool> until) => new(stream, until);

    /// <summary>The events so far.</summary>
    public List<ChatEvent> Events
    {
        get
        {
            lock (received)
            {
                return received.Select(r => r.Event).ToList();
            }
        }
    }

    /// <summary>Waits (bounded) until the events so far satisfy <paramref name="condition"/>.</summary>
    public async Task WaitForAsync(Func<List<ChatEvent>, bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition(Events))
        {
            if (Finished.IsCompleted)
            {
                Assert.Fail($"The stream ended before the condition held: {string.Join(", ", Events.Select(e => e.GetType().Name))}");
            }

            Assert.True(deadline.Elapsed < TestSettings.Timeout, "The stream did not get there within the test timeout.");
            await changed.WaitAsync(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>How long after <paramref name="since"/> (a <see cref="Stopwatch.GetTimestamp"/>) the event arrived.</summary>
    public TimeSpan ReceivedAfter(ChatEvent chatEvent, long since)
    {
        lock (received)
        {
            return Stopwatch.GetElapsedTime(since, received.Single(r => ReferenceEquals(r.Event, chatEvent)).At);
        }
    }

    private async Task<List<ChatEvent>> ReadAsync(IAsyncEnumerable<ChatEvent> stream, Func<ChatEvent, bool> until)
    {
        await Task.Yield();
        using var timeout = new CancellationTokenSource(TestSettings.Timeout);
        await foreach (var chatEvent in stream.WithCancellation(timeout.Token))
        {
            lock (received)
            {
                received.Add((chatEvent, Stopwatch.GetTimestamp()));
            }

            changed.Release();
            if (until(chatEvent))
            {
                break;
            }
        }

        return Events;
    }
}
