using System.Text.Json;
using System.Threading.Channels;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Tests.Chat;

/// <summary>Unit tests of what resuming rests on: the turn buffer and the conversation feed.</summary>
public sealed class EventBufferTests
{
    private static readonly Guid Conversation = Guid.NewGuid();
    private static readonly Guid Reply = Guid.NewGuid();
    private static readonly Guid Tool = Guid.NewGuid();
    private const long First = 4 * EventNumbers.PerTurn;

    private static IReadOnlyList<ChatEvent> ATurn() =>
    [
        new TurnStartedEvent(Conversation, First, new MessageDto(Guid.NewGuid(), 3, MessageRole.User, "Show me my tasks", MessageStatus.Completed, DateTime.UtcNow, []), Reply),
        new ToolCallStartedEvent(Conversation, First + 1, Reply, Tool, "list_tasks", JsonDocument.Parse("{}").RootElement),
        new ToolCallCompletedEvent(Conversation, First + 2, Tool, "list_tasks", JsonDocument.Parse("""{"status":"succeeded"}""").RootElement, ToolCallStatus.Succeeded),
        new TokenEvent(Conversation, First + 3, Reply, "You have "),
        new TokenEvent(Conversation, First + 4, Reply, "2 tasks."),
    ];

    [Fact]
    public void ASnapshotAddsUpTheTextAndToolCallsSoFar()
    {
        var buffer = TurnBuffer.FromEvents(ATurn())!;

        var snapshot = buffer.Snapshot();

        Assert.Equal("You have 2 tasks.", snapshot.Content);
        Assert.Equal(MessageStatus.Streaming, snapshot.Status);
        Assert.Equal(First + 4, snapshot.Event);
        var call = Assert.Single(snapshot.ToolCalls);
        Assert.Equal((Tool, "list_tasks", ToolCallStatus.Succeeded), (call.Id, call.Name, call.Status));
    }

    [Fact]
    public void ResumingGivesExactlyTheEventsAfterTheOneSeen()
    {
        var buffer = TurnBuffer.FromEvents(ATurn())!;

        Assert.Equal([First + 3, First + 4], buffer.After(First + 2).Select(e => e.Event));
        Assert.Equal(5, buffer.After(First - 1).Count());
        Assert.Empty(buffer.After(First + 4));
    }

    [Fact]
    public void ABufferNeedsItsTurnStarted()
    {
        Assert.Null(TurnBuffer.FromEvents(ATurn().Skip(1).ToList()));
        Assert.Null(TurnBuffer.FromEvents([]));
    }

    [Fact]
    public async Task AWatcherGetsTheBacklogThenLiveEventsWithNoGapAndNoRepeat()
    {
        var feed = new ConversationFeed();
        var events = ATurn();
        feed.BeginTurn(new TurnBuffer(Conversation, Reply, First));
        foreach (var chatEvent in events.Take(3))
        {
            feed.Publish(chatEvent);
        }

        var subscription = feed.Watch(afterEvent: First + 1);
        foreach (var chatEvent in events.Skip(3))
        {
            feed.Publish(chatEvent);
        }

        feed.Publish(new MessageCompletedEvent(Conversation, First + 5, Reply, "You have 2 tasks.", MessageStatus.Completed));
        await subscription.DisposeAsync();

        var received = new List<long>();
        await foreach (var chatEvent in subscription.ReadAllAsync())
        {
            received.Add(chatEvent.Event);
        }

        Assert.Equal([First + 2, First + 3, First + 4, First + 5], received);
    }

    [Fact]
    public async Task RepeatsAroundTheSeamAreDroppedByNumber()
    {
        var events = ATurn();
        var live = Channel.CreateUnbounded<ChatEvent>();
        foreach (var chatEvent in events.Skip(2))
        {
            live.Writer.TryWrite(chatEvent);
        }

        live.Writer.Complete();
        var subscription = new ChatSubscription(events.Take(4).ToList(), live.Reader, () => { });

        var received = new List<long>();
        await foreach (var chatEvent in subscription.ReadAllAsync())
        {
            received.Add(chatEvent.Event);
        }

        Assert.Equal(Enumerable.Range(0, 5).Select(i => First + i), received);
    }
}
