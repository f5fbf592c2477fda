using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Tests.Chat;

/// <summary>A turn belongs to the conversation, not to the connection that started it.</summary>
public sealed class ResumeTests : IAsyncLifetime
{
    private TaskChatApplication app = null!;

    public async Task InitializeAsync() => app = await TaskChatApplication.StartAsync(SlowReplies.Settings(delayMs: 25));

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task ADisconnectedClientResumesWithNoGapAndNoRepeat()
    {
        await using var slow = await SlowConversation.StartAsync(app);
        var (user, http, setup, conversationId) = slow;

        // The first client sees the start of the reply, then its connection drops.
        var first = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var seen = await first.SendAndReadTokensAsync(SlowReplies.Prompt, conversationId, tokens: 5);

        await first.DisposeAsync();

        // A new connection asks for what came after the last event it saw.
        await using var second = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var rest = await Turn.ReadAsync(TakeUntilCompleted(second.Watch(conversationId, seen[^1].Event)));

        var all = seen.Concat(rest.Events).ToList();
        Turn.AssertContiguous(all);
        var completed = all.OfType<MessageCompletedEvent>().Single();
        Assert.Equal(MessageStatus.Completed, completed.Status);
        Assert.Equal(completed.Content, all.StreamedText());

        // And the turn was saved whole, whatever happened to the client.
        var saved = (await http.MessagesAsync(conversationId)).Messages[^1];
        Assert.Equal(completed.Content, saved.Content);
        Assert.Equal(MessageStatus.Completed, saved.Status);
    }

    [Fact]
    public async Task AClientThatLeavesDoesNotStopTheTurn()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await SlowReplies.AddTasksAsync(http);
        var conversationId = Guid.Empty;
        var leaving = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        using (var timeout = new CancellationTokenSource(TestSettings.Timeout))
        {
            await foreach (var chatEvent in leaving.Send(SlowReplies.Prompt, cancellationToken: timeout.Token))
            {
                if (chatEvent is TokenEvent)
                {
                    conversationId = chatEvent.ConversationId;
                    break;
                }
            }
        }

        await leaving.DisposeAsync();
        var saved = await PollAsync(async () => (await http.MessagesAsync(conversationId)).Messages[^1], m => m.Status != MessageStatus.Streaming);
        Assert.Equal(MessageStatus.Completed, saved.Status);
        Assert.Contains("Errand number 15", saved.Content);
    }

    [Fact]
    public async Task AWatcherWithoutAnEventNumberGetsASnapshotThenTheRest()
    {
        await using var slow = await SlowConversation.StartAsync(app);
        var (user, http, sender, conversationId) = slow;

        var sending = sender.SendAndWaitAsync(SlowReplies.Prompt, conversationId);
        await PollAsync(async () => (await http.MessagesAsync(conversationId)).Messages[^1], m => m.SequenceNumber == 4 && m.Content.Length > 0);

        await using var late = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var watched = await Turn.ReadAsync(TakeUntilCompleted(late.Watch(conversationId)));
        var sent = await sending;

        var snapshot = Assert.IsType<TurnSnapshotEvent>(watched.Events[0]);
        Assert.Equal(MessageStatus.Streaming, snapshot.Status);
        Assert.Single(snapshot.ToolCalls);
        var rebuilt = snapshot.Content + watched.Events.StreamedText();
        Assert.Equal(sent.Completed.Content, rebuilt);
        Assert.Equal(sent.Completed.Content, watched.Completed.Content);
    }

    [Fact]
    public async Task TwoTabsBothSeeATurnStartedInEitherOfThem()
    {
        var user = await app.CreateUserAsync();
        await using var tabA = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        await using var tabB = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var conversationId = (await tabA.SendAndWaitAsync("hello")).ConversationId;

        using var stop = new CancellationTokenSource(TestSettings.Timeout);
        var watchA = CollectAsync(tabA.Watch(conversationId, cancellationToken: stop.Token), turns: 2);
        var watchB = CollectAsync(tabB.Watch(conversationId, cancellationToken: stop.Token), turns: 2);
        await Task.Delay(200);

        var fromA = await tabA.SendAndWaitAsync("Create a task to buy bread", conversationId);
        var fromB = await tabB.SendAndWaitAsync("Show me my tasks", conversationId);

        foreach (var watched in new[] { await watchA, await watchB })
        {
            // Watching without an event number starts with where the conversation is: the finished first turn.
            var snapshot = Assert.IsType<TurnSnapshotEvent>(watched[0]);
            Assert.Equal(MessageStatus.Completed, snapshot.Status);
            Assert.Equal(fromA.Events.Concat(fromB.Events).Select(e => e.Event), watched.Skip(1).Select(e => e.Event));
            var completed = watched.OfType<MessageCompletedEvent>().ToList();
            Assert.Equal([fromA.Completed.Content, fromB.Completed.Content], completed.Select(c => c.Content));
        }
    }

    [Fact]
    public async Task StopGenerationKeepsThePartialTextAsCancelled()
    {
        await using var slow = await SlowConversation.StartAsync(app);
        var (user, http, chat, conversationId) = slow;

        var events = new List<ChatEvent>();
        using var timeout = new CancellationTokenSource(TestSettings.Timeout);
        await foreach (var chatEvent in chat.Send(SlowReplies.Prompt, conversationId, cancellationToken: timeout.Token))
        {
            events.Add(chatEvent);
            if (events.OfType<TokenEvent>().Count() == 4)
            {
                await chat.StopAsync(conversationId);
            }
        }

        var completed = events.OfType<MessageCompletedEvent>().Single();
        Assert.Equal(MessageStatus.Cancelled, completed.Status);
        Assert.DoesNotContain("Errand number 15", completed.Content);
        Assert.StartsWith(string.Concat(events.OfType<TokenEvent>().Take(4).Select(t => t.Delta)), completed.Content);

        var saved = (await http.MessagesAsync(conversationId)).Messages[^1];
        Assert.Equal(MessageStatus.Cancelled, saved.Status);
        Assert.Equal(completed.Content, saved.Content);

        // The conversation is free for the next turn.
        var next = await chat.SendAndWaitAsync("Show me my open tasks", conversationId);
        Assert.Null(next.Error);
    }

    internal static async IAsyncEnumerable<ChatEvent> TakeUntilCompleted(IAsyncEnumerable<ChatEvent> stream)
    {
        await foreach (var chatEvent in stream)
        {
            yield return chatEvent;
            if (chatEvent is MessageCompletedEvent)
            {
                yield break;
            }
        }
    }

    private static async Task<List<ChatEvent>> CollectAsync(IAsyncEnumerable<ChatEvent> stream, int turns)
    {
        var events = new List<ChatEvent>();
        await foreach (var chatEvent in stream)
        {
            events.Add(chatEvent);
            if (events.OfType<MessageCompletedEvent>().Count() == turns)
            {
                break;
            }
        }

        return events;
    }

    /// <summary>Reads until <paramref name="done"/> holds; fails the test, with the last value, if it never does.</summary>
    internal static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + TestSettings.Timeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not there after {TestSettings.Timeout.TotalSeconds:0} s; last read: {value}");
            }

            await Task.Delay(50);
        }
    }
}
