using System.Runtime.CompilerServices;
using System.Threading.Channels;
using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Web.Chat.Events;

/// <summary>A watcher's view of a conversation: the backlog it missed, then live events.</summary>
public sealed class ChatSubscription(IReadOnlyList<ChatEvent> backlog, ChannelReader<ChatEvent> live, Action unsubscribe)
    : IAsyncDisposable
{
    private int disposed;

    /// <summary>Yields the backlog then live events, skipping anything at or before what was already yielded.</summary>
    public async IAsyncEnumerable<ChatEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var last = long.MinValue;
        foreach (var chatEvent in backlog)
        {
            last = Math.Max(last, chatEvent.Event);
            yield return chatEvent;
        }

        await foreach (var chatEvent in live.ReadAllAsync(cancellationToken))
        {
            // A bus that cannot read its backlog and subscribe atomically (Redis) may deliver an
            // event twice around the seam; the event number tells.
            if (chatEvent.Event <= last)
            {
                continue;
            }

            last = chatEvent.Event;
            yield return chatEvent;
        }
    }

    /// <summary>The same live channel behind another backlog: the one a bus read from elsewhere (Redis).</summary>
    public ChatSubscription WithBacklog(IReadOnlyList<ChatEvent> otherBacklog) => new(otherBacklog, live, unsubscribe);

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            unsubscribe();
        }

        return ValueTask.CompletedTask;
    }
}
