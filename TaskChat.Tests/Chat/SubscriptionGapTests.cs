using System.Threading.Channels;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Tests.Chat;

/// <summary>
/// A watcher whose live events lost some (Redis dropped between them) reads the missing ones
/// back from what was stored, and a stream ended under it says stream_interrupted with the
/// number of the last event it delivered, so the client resumes right after it.
/// </summary>
public sealed class SubscriptionGapTests
{
    private static readonly Guid Conversation = Guid.NewGuid();
    private static readonly Guid Reply = Guid.NewGuid();
    private const long First = 6 * EventNumbers.PerTurn;

    private static List<ChatEvent> ATurn(int tokens)
    {
        var user = new MessageDto(Guid.NewGuid(), 5, MessageRole.User, "Show me my tasks", MessageStatus.Completed, DateTime.UtcNow, []);
        var events = new List<ChatEvent> { new TurnStartedEvent(Conversation, First, user, Reply) };
        events.AddRange(Enumerable.Range(1, tokens).Select(i => new TokenEvent(Conversation, First + i, Reply, $"word{i} ")));
        return events;
    }

    [Fact]
    public async Task AGapInLiveEventsIsFilledFromWhatWasStored()
    {
        var stored = ATurn(tokens: 8);
        var live = Channel.CreateUnbounded<ChatEvent>();
        foreach (var chatEvent in stored.Where(e => e.Event is <= First + 2 or >= First + 6))
        {
            live.Writer.TryWrite(chatEvent);
        }

        live.Writer.Complete();
        long? askedAfter = null;
        var subscription = new ChatSubscription(Conversation, First - 1, [], live.Reader, () => { }, (after, _) =>
        {
            askedAfter = after;
            return ValueTask.FromResult<IReadOnlyList<ChatEvent>>(stored.Where(e => e.Event > after).ToList());
        });

        var received = await ReadAsync(subscription);

        Assert.Equal(First + 2, askedAfter);
        Turn.AssertContiguous(received);
        Assert.Equal(Enumerable.Range(0, 9).Select(i => First + i), received.Select(e => e.Event));
    }

    [Fact]
    public async Task NoCatchUpIsAskedForWhileNothingIsMissing()
    {
        var live = Channel.CreateUnbounded<ChatEvent>();
        foreach (var chatEvent in ATurn(tokens: 5))
        {
            live.Writer.TryWrite(chatEvent);
        }

        live.Writer.Complete();
        var subscription = new ChatSubscription(Conversation, First - 1, [], live.Reader, () => { },
            (_, _) => throw new InvalidOperationException("Nothing was missing."));

        Assert.Equal(6, (await ReadAsync(subscription)).Count);
    }

    [Fact]
    public async Task AnInterruptedStreamEndsWithStreamInterruptedNumberedAfterTheLastEventDelivered()
    {
        var feed = new ConversationFeed();
        var channel = Channel.CreateUnbounded<ChatEvent>();
        var subscription = new ChatSubscription(Conversation, null, feed.Subscribe(channel, afterEvent: null), channel.Reader, () => feed.Unsubscribe(channel));
        foreach (var chatEvent in ATurn(tokens: 3))
        {
            feed.Publish(chatEvent);
        }

        feed.Interrupt();
        feed.Publish(new TokenEvent(Conversation, First + 4, Reply, "lost "));

        var received = await ReadAsync(subscription);

        var interrupted = Assert.IsType<ErrorEvent>(received[^1]);
        Assert.Equal((ChatErrorCodes.StreamInterrupted, First + 3, Conversation), (interrupted.Code, interrupted.Event, interrupted.ConversationId));
        Assert.Equal(5, received.Count);
    }

    private static async Task<List<ChatEvent>> ReadAsync(ChatSubscription subscription)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = new List<ChatEvent>();
        await foreach (var chatEvent in subscription.ReadAllAsync(timeout.Token))
        {
            received.Add(chatEvent);
        }

        return received;
    }
}
