using System.Runtime.CompilerServices;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Turns;

namespace TaskChat.Web.Chat.Events;

/// <summary>Follows one turn for the client that started (or repeated) it.</summary>
public sealed class TurnFollower(IServiceScopeFactory scopes, IChatEventBus bus, TurnRegistry registry)
{
    /// <summary>
    /// The events of one turn for the client that started it (or repeated it): from
    /// <c>turn_started</c> to its <c>message_completed</c>, live or replayed.
    /// </summary>
    public async IAsyncEnumerable<ChatEvent> FollowAsync(Guid userId, TurnStart start, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (start.Error is { } error)
        {
            yield return error;
            yield break;
        }

        var sawAny = false;
        await foreach (var chatEvent in LiveAsync(start, cancellationToken))
        {
            sawAny = true;
            yield return chatEvent;
        }

        if (sawAny)
        {
            yield break;
        }

        // A repeat of a turn that is no longer buffered: replay it from the database.
        await foreach (var chatEvent in TurnReplay.FromDatabaseAsync(scopes, userId, start, cancellationToken))
        {
            yield return chatEvent;
        }
    }

    /// <summary>The turn's events from the bus, until its end or until the stream is interrupted.</summary>
    private async IAsyncEnumerable<ChatEvent> LiveAsync(TurnStart start, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lastOfTurn = start.FirstEvent + EventNumbers.PerTurn - 1;
        await using var subscription = await bus.SubscribeAsync(start.ConversationId, start.FirstEvent - 1, cancellationToken);
        await foreach (var chatEvent in ReadUntilIdleAsync(subscription, start, cancellationToken))
        {
            if (StreamInterruption.Is(chatEvent))
            {
                // The turn goes on where it runs; the client resumes it with WatchConversation.
                yield return chatEvent;
                yield break;
            }

            if (chatEvent.Event > lastOfTurn)
            {
                // A later turn's events: this one is no longer buffered (a repeat of an
                // older send). Waiting would wait forever; the database has it.
                yield break;
            }

            if (chatEvent.Event >= start.FirstEvent)
            {
                yield return chatEvent;
                if (chatEvent is MessageCompletedEvent)
                {
                    yield break;
                }
            }
        }
    }

    private async IAsyncEnumerable<ChatEvent> ReadUntilIdleAsync(
        ChatSubscription subscription, TurnStart start, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A repeated send of a finished, no-longer-buffered turn would wait forever for live
        // events; if nothing arrives and the turn is not running, fall back to the database.
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (!registry.IsRunning(start.ConversationId))
        {
            idle.CancelAfter(TimeSpan.FromMilliseconds(200));
        }

        var enumerator = subscription.ReadAllAsync(idle.Token).GetAsyncEnumerator(idle.Token);
        var producedAny = false;
        try
        {
            while (true)
            {
                bool moved;
                try
                {
                    moved = await enumerator.MoveNextAsync();
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    yield break;
                }

                if (!moved)
                {
                    yield break;
                }

                // Once the turn has produced events, wait for the rest however long it takes
                // (once: resetting the timer takes a lock, and this runs for every token).
                if (!producedAny)
                {
                    idle.CancelAfter(Timeout.InfiniteTimeSpan);
                    producedAny = true;
                }

                yield return enumerator.Current;
            }
        }
        finally
        {
            await enumerator.DisposeAsync();
        }
    }
}
