using System.Runtime.CompilerServices;
using System.Threading.Channels;
using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Web.Chat.Events;

/// <summary>
/// A watcher's view of a conversation: the backlog it missed, then live events. A bus that can
/// lose live events (Redis) hands in <paramref name="catchUp"/>, which reads what was stored
/// after a given event (or a snapshot when none was seen); it is called only when the next live
/// event shows that something was missed, so the usual cost per event is one comparison.
/// </summary>
public sealed class ChatSubscription(
    Guid conversationId,
    long? afterEvent,
    IReadOnlyList<ChatEvent> backlog,
    ChannelReader<ChatEvent> live,
    Action unsubscribe,
    Func<long?, CancellationToken, ValueTask<IReadOnlyList<ChatEvent>>>? catchUp = null)
    : IAsyncDisposable
{
    private int disposed;

    /// <summary>A subscription that can only say the stream is interrupted (the bus cannot serve it now).</summary>
    public static ChatSubscription Interrupted(Guid conversationId, long? afterEvent) =>
        new(conversationId, afterEvent, [StreamInterruption.For(conversationId, afterEvent ?? 0)], Channel.CreateUnbounded<ChatEvent>().Reader, () => { });

    /// <summary>
    /// Yields the backlog then live events, skipping anything at or before what was already
    /// yielded; ends after a <c>stream_interrupted</c> error.
    /// </summary>
    public async IAsyncEnumerable<ChatEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var last = afterEvent ?? long.MinValue;
        foreach (var chatEvent in backlog)
        {
            if (StreamInterruption.Is(chatEvent))
            {
                yield return chatEvent;
                yield break;
            }

            last = Math.Max(last, chatEvent.Event);
            yield return chatEvent;
        }

        await foreach (var chatEvent in live.ReadAllAsync(cancellationToken))
        {
            if (StreamInterruption.Is(chatEvent))
            {
                yield return StreamInterruption.For(conversationId, last == long.MinValue ? 0 : last);
                yield break;
            }

            // A bus that cannot read its backlog and subscribe atomically (Redis) may deliver an
            // event twice around the seam; the event number tells.
            if (chatEvent.Event <= last)
            {
                continue;
            }

            if (catchUp is not null && Missed(last, chatEvent))
            {
                foreach (var missed in await catchUp(last == long.MinValue ? null : last, cancellationToken))
                {
                    if (missed.Event > last)
                    {
                        last = Math.Max(last, missed.Event);
                        yield return missed;
                    }
                }

                if (chatEvent.Event <= last)
                {
                    continue;
                }
            }

            last = chatEvent.Event;
            yield return chatEvent;
        }
    }

    /// <summary>
    /// True when <paramref name="next"/> does not follow <paramref name="last"/>: a number skipped
    /// within a turn, or a turn joined after its <c>turn_started</c>.
    /// </summary>
    internal static bool Missed(long last, ChatEvent next)
    {
        if (last != long.MinValue && EventNumbers.TurnOf(next.Event) == EventNumbers.TurnOf(last))
        {
            return next.Event != last + 1;
        }

        return next is not TurnStartedEvent;
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            unsubscribe();
        }

        return ValueTask.CompletedTask;
    }
}
