using System.Diagnostics;
using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;
using Xunit.Abstractions;

namespace TaskChat.Tests.ScaleOut;

/// <summary>
/// Faults in scale-out are visible and short: a dead node's turn is reported interrupted on the
/// other node within 10 s and its conversation is free again; a Redis outage ends every live
/// stream with stream_interrupted within 5 s while the reply is still written to the database,
/// and the stream resumes with no gap once Redis is back.
/// </summary>
public sealed class ScaleOutFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan DeadNodeDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RedisOutageDeadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task WhenTheNodeRunningATurnIsKilledTheWatcherOnTheOtherNodeGetsInterruptedWithinTenSecondsAndCanSendAgain()
    {
        await using var nodes = await TwoNodeProcesses.StartAsync(tokenDelayMs: 40);
        var user = await nodes.A.CreateUserAsync();
        using (var setup = nodes.A.CreateClient(user))
        {
            await SlowReplies.AddTasksAsync(setup);
        }

        await using var onA = await ChatConnection.ConnectAsync(nodes.A.BaseAddress, user);
        await using var onB = await ChatConnection.ConnectAsync(nodes.B.BaseAddress, user);
        var conversationId = (await onA.SendAndWaitAsync("hello")).ConversationId;
        var watcher = StreamRecording.Start(onB.Watch(conversationId), e => e is MessageCompletedEvent);
        await watcher.WaitForAsync(events => events.Count > 0);

        await onA.SendAndReadTokensAsync(SlowReplies.Prompt, conversationId, tokens: 12);
        nodes.A.Kill();
        var sinceKill = Stopwatch.GetTimestamp();
        var watched = await watcher.Finished;
        // Sent at once, as a person seeing "interrupted" would: the conversation must take it by then.
        var next = StreamRecording.Start(onB.Send("Create a task to buy milk", conversationId), e => e is MessageCompletedEvent or ErrorEvent);

        var completed = watched.OfType<MessageCompletedEvent>().Single();
        var toldAfter = watcher.ReceivedAfter(completed, sinceKill);
        output.WriteLine($"watcher on B told interrupted {toldAfter.TotalSeconds:0.00} s after the kill");
        Assert.True(toldAfter < DeadNodeDeadline, $"The watcher was told after {toldAfter.TotalSeconds:0.0} s.");
        Assert.Equal(MessageStatus.Interrupted, completed.Status);
        using var http = nodes.B.CreateClient(user);
        var stored = (await http.MessagesAsync(conversationId)).Messages[^1];
        Assert.Equal((MessageStatus.Interrupted, stored.Content), (stored.Status, completed.Content));
        Assert.NotEmpty(completed.Content);
        Assert.DoesNotContain("Errand number 15", completed.Content);
        var streamed = watched.StreamedText();
        Assert.True(streamed.StartsWith(completed.Content, StringComparison.Ordinal) || completed.Content.StartsWith(streamed, StringComparison.Ordinal),
            $"Saved \"{completed.Content}\" and streamed \"{streamed}\" diverge.");

        // The conversation took the new message by then, on the surviving node.
        var turn = new Turn(await next.Finished);
        Assert.Null(turn.Error);
        var acceptedAfter = next.ReceivedAfter(turn.Started, sinceKill);
        output.WriteLine($"new send started on B {acceptedAfter.TotalSeconds:0.00} s after the kill");
        Assert.True(acceptedAfter < DeadNodeDeadline, $"A new send started {acceptedAfter.TotalSeconds:0.0} s after the kill.");
        Assert.Equal(MessageStatus.Completed, turn.Completed.Status);
    }

    [Fact]
    public async Task WhenRedisStopsMidReplyStreamsEndWithStreamInterruptedTheReplyIsStoredWholeAndTheWatchResumesWithNoGap()
    {
        await using var nodes = await TwoNodeProcesses.StartAsync(tokenDelayMs: 40);
        var user = await nodes.A.CreateUserAsync();
        using var http = nodes.A.CreateClient(user);
        await SlowReplies.AddTasksAsync(http);
        await using var onA = await ChatConnection.ConnectAsync(nodes.A.BaseAddress, user);
        await using var onB = await ChatConnection.ConnectAsync(nodes.B.BaseAddress, user);
        var conversationId = (await onA.SendAndWaitAsync("hello")).ConversationId;

        var watcher = StreamRecording.Start(onB.Watch(conversationId), e => e is MessageCompletedEvent);
        await watcher.WaitForAsync(events => events.Count > 0);
        var sender = StreamRecording.Start(onA.Send(SlowReplies.Prompt, conversationId), e => e is MessageCompletedEvent);
        await sender.WaitForAsync(events => events.OfType<TokenEvent>().Count() >= 5);
        await nodes.Redis.KillAsync();
        var sinceOutage = Stopwatch.GetTimestamp();

        foreach (var (name, recording) in new[] { ("sender on A", sender), ("watcher on B", watcher) })
        {
            var events = await recording.Finished;
            var interrupted = Assert.IsType<ErrorEvent>(events[^1]);
            Assert.Equal(ChatErrorCodes.StreamInterrupted, interrupted.Code);
            var after = recording.ReceivedAfter(interrupted, sinceOutage);
            output.WriteLine($"{name} got stream_interrupted {after.TotalSeconds:0.00} s after Redis was killed");
            Assert.True(after < RedisOutageDeadline, $"The {name} was told after {after.TotalSeconds:0.0} s.");
            Assert.DoesNotContain(events, e => e is MessageCompletedEvent);
        }

        // A send while Redis is away is refused, and leaves nothing behind that outlives the outage.
        var refused = await onB.SendAndWaitAsync("Create a task to buy milk", conversationId);
        Assert.NotNull(refused.Error);
        Assert.Empty(refused.Events.OfType<TurnStartedEvent>());

        // The node running the turn writes the whole reply to the database meanwhile.
        var stored = await ResumeTests.PollAsync(
            async () => (await http.MessagesAsync(conversationId)).Messages[^1], m => m.Status == MessageStatus.Completed);
        Assert.Contains("Errand number 15", stored.Content);

        await nodes.Redis.RestartAsync();
        var seen = (await watcher.Finished).Where(e => e is not ErrorEvent).ToList();
        var resumed = await ResumeAsync(onB, conversationId, afterEvent: seen[^1].Event);

        var turn = seen.SkipWhile(e => e is not TurnStartedEvent).Concat(resumed).ToList();
        output.WriteLine($"resumed on B after Redis was back: {seen.Count} events before, {resumed.Count} after");
        Turn.AssertContiguous(turn);
        var completed = Assert.IsType<MessageCompletedEvent>(turn[^1]);
        Assert.Equal((MessageStatus.Completed, stored.Content), (completed.Status, completed.Content));
        Assert.Equal(stored.Content, turn.StreamedText());

        var next = await onB.SendAndWaitAsync("Create a task to buy milk", conversationId);
        Assert.Null(next.Error);
        Assert.Equal(MessageStatus.Completed, next.Completed.Status);
    }

    /// <summary>What a client does on stream_interrupted: watch again from the last event it saw, until it gets the rest.</summary>
    private static async Task<List<ChatEvent>> ResumeAsync(ChatConnection connection, Guid conversationId, long afterEvent)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var watch = StreamRecording.Start(connection.Watch(conversationId, afterEvent), e => e is MessageCompletedEvent);
            var events = await watch.Finished;
            if (events is not [ErrorEvent { Code: ChatErrorCodes.StreamInterrupted }, ..])
            {
                return events;
            }

            Assert.True(deadline.Elapsed < TestSettings.Timeout, "WatchConversation still answered stream_interrupted 30 s after Redis was back.");
            await Task.Delay(250);
        }
    }
}
