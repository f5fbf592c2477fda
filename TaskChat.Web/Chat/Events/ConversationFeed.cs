using System.Threading.Channels;
using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Web.Chat.Events;

/// <summary>
/// One conversation's watchers and its current turn buffer. Publishing and subscribing
/// happen under one lock, so a new watcher gets the backlog and then exactly the events
/// that follow it: no gap, no repeat.
/// </summary>
internal sealed class ConversationFeed
{
    /// <summary>A watcher this far behind is cut off (stream_interrupted); it resumes with after_event.</summary>
    private const int MaxQueuedEventsPerWatcher = 20_000;

    private readonly Lock gate = new();
    private readonly List<Channel<ChatEvent>> watchers = [];
    private TurnBuffer? turn;

    /// <summary>How many watchers this node has on the conversation (streams being served now).</summary>
    public int WatcherCount
    {
        get
        {
            lock (gate)
            {
                return watchers.Count;
            }
        }
    }

    /// <summary>
    /// A watcher's queue, the same for every bus. Synchronous continuations let the publishing
    /// thread (the turn's own, or the Redis relay loop) carry an event straight on to the waiting
    /// hub stream instead of queueing a second thread-pool work item per token: under load that
    /// queue wait was added to every token's latency (docs/benchmarks.md). Not SingleReader: that
    /// channel cannot count its backlog, which <see cref="Publish"/> uses to cut off laggards.
    /// </summary>
    public static Channel<ChatEvent> NewWatcher() =>
        Channel.CreateUnbounded<ChatEvent>(new UnboundedChannelOptions { AllowSynchronousContinuations = true });

    public void BeginTurn(TurnBuffer buffer)
    {
        lock (gate)
        {
            turn = buffer;
        }
    }

    public void Publish(ChatEvent chatEvent)
    {
        lock (gate)
        {
            if (turn is not null && chatEvent.Event >= turn.FirstEvent)
            {
                turn.Add(chatEvent);
            }

            foreach (var watcher in watchers.ToArray())
            {
                watcher.Writer.TryWrite(chatEvent);
                if (watcher.Reader.Count > MaxQueuedEventsPerWatcher)
                {
                    watchers.Remove(watcher);
                    End(watcher);
                }
            }
        }
    }

    public IReadOnlyList<ChatEvent> Subscribe(Channel<ChatEvent> watcher, long? afterEvent)
    {
        lock (gate)
        {
            watchers.Add(watcher);
            if (turn is null)
            {
                return [];
            }

            if (afterEvent is { } after)
            {
                return turn.After(after).ToList();
            }

            // Finished or not: a page rendered mid-reply may subscribe just after the end, and
            // the snapshot is what tells it the final text.
            return [turn.Snapshot()];
        }
    }

    /// <summary>Ends every watcher's stream with <c>stream_interrupted</c>: the events they wait for cannot come now.</summary>
    public void Interrupt()
    {
        lock (gate)
        {
            foreach (var watcher in watchers)
            {
                End(watcher);
            }

            watchers.Clear();
        }
    }

    private static void End(Channel<ChatEvent> watcher)
    {
        watcher.Writer.TryWrite(StreamInterruption.Signal);
        watcher.Writer.TryComplete();
    }

    public void Unsubscribe(Channel<ChatEvent> watcher)
    {
        lock (gate)
        {
            watchers.Remove(watcher);
            watcher.Writer.TryComplete();
        }
    }

    public bool IsIdleSince(DateTime cutoff)
    {
        lock (gate)
        {
            return watchers.Count == 0 && (turn is null || (turn.IsFinished && turn.FinishedAt < cutoff));
        }
    }
}
