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
    /// <summary>A watcher this far behind is cut off; it resumes with after_event when it catches up.</summary>
    private const int MaxQueuedEventsPerWatcher = 20_000;

    private readonly Lock gate = new();
    private readonly List<Channel<ChatEvent>> watchers = [];
    private TurnBuffer? turn;

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
                    watcher.Writer.TryComplete(new InvalidOperationException("The watcher fell too far behind; resume with after_event."));
                    watchers.Remove(watcher);
                }
            }
        }
    }

    /// <summary>A new watcher: the buffered events after <paramref name="afterEvent"/> (or a snapshot), then live ones.</summary>
    public ChatSubscription Watch(long? afterEvent)
    {
        // Synchronous continuations let the publisher's thread carry an event straight on to the
        // waiting hub stream instead of queueing a second thread-pool work item per token: under
        // load that queue wait was added to every token's latency (docs/benchmarks.md). Not
        // SingleReader: that channel cannot count its backlog, which Publish uses to cut off laggards.
        var channel = Channel.CreateUnbounded<ChatEvent>(new UnboundedChannelOptions { AllowSynchronousContinuations = true });
        var backlog = Subscribe(channel, afterEvent);
        return new ChatSubscription(backlog, channel.Reader, () => Unsubscribe(channel));
    }

    private IReadOnlyList<ChatEvent> Subscribe(Channel<ChatEvent> watcher, long? afterEvent)
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

    private void Unsubscribe(Channel<ChatEvent> watcher)
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
