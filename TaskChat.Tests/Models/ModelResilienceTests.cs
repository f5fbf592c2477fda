using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Tests.Models;

/// <summary>
/// What a user sees when the model service misbehaves: a retry happens only before a reply starts
/// (so no text is ever duplicated), a failure mid-stream keeps the partial text as <c>failed</c>
/// with a readable error, time-outs and Stop abort the HTTP request, and the next turn works.
/// </summary>
public sealed class ModelResilienceTests
{
    [Fact]
    public async Task RateLimitedOnceIsRetriedAndTheTextAppearsOnce()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        world.Model.Enqueue(ScriptedReply.Status(429, retryAfterSeconds: "0"), ScriptedReply.Text("Only", " once."));

        var turn = await world.Chat.SendAndWaitAsync("Hi");

        TaskFlowTests.AssertStreamedReply(turn);
        Assert.Equal("Only once.", turn.Completed.Content);
        Assert.Equal("Only once.", turn.StreamedText);
        Assert.Equal(2, world.Model.Requests.Count);
        Assert.Equal(world.Model.Requests[0].Body.GetRawText(), world.Model.Requests[1].Body.GetRawText());
        Assert.Equal("Only once.", (await world.Http.MessagesAsync(turn.ConversationId)).Messages[^1].Content);
    }

    [Fact]
    public async Task AServerErrorBeforeAnyTokenIsRetried()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        world.Model.Enqueue(ScriptedReply.Status(500), ScriptedReply.Status(503), ScriptedReply.Text("Back", " again."));

        var turn = await world.Chat.SendAndWaitAsync("Hi");

        TaskFlowTests.AssertStreamedReply(turn);
        Assert.Equal("Back again.", turn.Completed.Content);
        Assert.Equal(3, world.Model.Requests.Count);
    }

    [Fact]
    public async Task AServerErrorThatPersistsFailsTheReplyWithAReadableError()
    {
        await using var world = await ModelHarness.StartOpenAIAsync(("Assistant:MaxRetries", "2"));
        world.Model.Enqueue(ScriptedReply.Status(500), ScriptedReply.Status(500), ScriptedReply.Status(500), ScriptedReply.Text("Recovered."));

        var failed = await world.Chat.SendAndWaitAsync("Hi");

        Assert.Equal(MessageStatus.Failed, failed.Completed.Status);
        Assert.Empty(failed.Tokens);
        Assert.Equal(ChatErrorCodes.ModelFailed, failed.Error?.Code);
        Assert.Equal("The model provider had a problem (HTTP 500). Try again in a moment.", failed.Error?.Message);
        Assert.Equal(3, world.Model.Requests.Count);
        Assert.Equal(MessageStatus.Failed, (await world.Http.MessagesAsync(failed.ConversationId)).Messages[^1].Status);

        var next = await world.Chat.SendAndWaitAsync("Again", failed.ConversationId);
        Assert.Equal((MessageStatus.Completed, "Recovered."), (next.Completed.Status, next.Completed.Content));
    }

    [Fact]
    public async Task TheRestChatEndpointReportsAFailedReplyAsA502Problem()
    {
        await using var world = await ModelHarness.StartOpenAIAsync(("Assistant:MaxRetries", "0"));
        world.Model.Enqueue(ScriptedReply.Status(500));

        using var response = await world.Http.PostAsJsonAsync("/api/v1/chat", new { message = "Hi" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ChatErrorCodes.ModelFailed, problem.GetProperty("code").GetString());
        Assert.Equal("The model provider had a problem (HTTP 500). Try again in a moment.", problem.GetProperty("detail").GetString());
        var stored = (await world.Http.MessagesAsync(problem.GetProperty("conversation_id").GetGuid())).Messages[^1];
        Assert.Equal((problem.GetProperty("message_id").GetGuid(), MessageStatus.Failed), (stored.Id, stored.Status));
    }

    [Fact]
    public async Task AModelServerThatIsNotListeningIsRetriedThenReportedAsUnreachable()
    {
        var closedPort = ClosedLoopbackPort();
        await using var world = await ModelHarness.StartAsync(model => ModelHarness.Settings(model,
            ("Assistant:Endpoint", $"http://127.0.0.1:{closedPort}/v1"), ("Assistant:MaxRetries", "1")));

        var turn = await world.Chat.SendAndWaitAsync("Hi");

        Assert.Equal((MessageStatus.Failed, ""), (turn.Completed.Status, turn.Completed.Content));
        Assert.Equal("The assistant could not be reached. Try again in a moment.", turn.Error?.Message);
    }

    [Fact]
    public async Task AConnectionCutMidStreamKeepsThePartialTextAsFailedAndIsNotRetried()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        var seenBoth = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        world.Model.Enqueue(ScriptedReply.CutAfter(seenBoth.Task, "The first", " half"), ScriptedReply.Text("A whole", " answer."));

        var cut = await ReadTurnAsync(world.Chat.Send("Tell me something"), async (events, _) =>
        {
            if (events.StreamedText() == "The first half")
            {
                seenBoth.TrySetResult();
            }

            await Task.CompletedTask;
        });

        Assert.Equal(MessageStatus.Failed, cut.Completed.Status);
        Assert.Equal("The first half", cut.Completed.Content);
        Assert.Equal("The first half", cut.StreamedText);
        Assert.Equal("The connection to the assistant broke off mid-reply. What it wrote so far is kept; try again.", cut.Error?.Message);
        Assert.Single(world.Model.Requests);
        var stored = (await world.Http.MessagesAsync(cut.ConversationId)).Messages[^1];
        Assert.Equal((MessageStatus.Failed, "The first half"), (stored.Status, stored.Content));

        // The next turn works, and the model is shown the partial reply as what was said.
        var next = await world.Chat.SendAndWaitAsync("Go on", cut.ConversationId);
        TaskFlowTests.AssertStreamedReply(next);
        Assert.Equal("A whole answer.", next.Completed.Content);
        var request = await world.Model.WaitForRequestAsync(2);
        Assert.Equal(["system", "user", "assistant", "user"], request.Roles);
        Assert.Equal("The first half", RecordedRequest.TextOf(request.Messages[2]));
    }

    [Fact]
    public async Task AStreamThatEndsWithoutAFinishReasonIsNotStoredAsComplete()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        world.Model.Enqueue(ScriptedReply.EndsEarlyAfter("Cut", " short"));

        var turn = await world.Chat.SendAndWaitAsync("Hi");

        Assert.Equal((MessageStatus.Failed, "Cut short"), (turn.Completed.Status, turn.Completed.Content));
        Assert.Equal("The connection to the assistant broke off mid-reply. What it wrote so far is kept; try again.", turn.Error?.Message);
        Assert.Single(world.Model.Requests);
    }

    [Fact]
    public async Task AFirstTokenSlowerThanTheTimeoutFailsTheReplyAndAbortsTheRequest()
    {
        await using var world = await ModelHarness.StartOpenAIAsync(("Assistant:FirstTokenTimeoutSeconds", "1"));
        world.Model.Enqueue(ScriptedReply.SilentFor(TimeSpan.FromSeconds(20), "Too", " late."));

        var slow = await world.Chat.SendAndWaitAsync("Hi");

        Assert.Equal(MessageStatus.Failed, slow.Completed.Status);
        Assert.Empty(slow.Tokens);
        Assert.Equal("The assistant took too long to answer. Try again in a moment.", slow.Error?.Message);
        var request = Assert.Single(world.Model.Requests);
        await request.WaitForAbortAsync();
    }

    [Fact]
    public async Task AStreamThatStallsMidReplyFailsKeepingItsText()
    {
        await using var world = await ModelHarness.StartOpenAIAsync(("Assistant:StreamIdleTimeoutSeconds", "1"));
        world.Model.Enqueue(ScriptedReply.HoldAfter("Half", " way"));

        var stalled = await world.Chat.SendAndWaitAsync("Hi");

        Assert.Equal((MessageStatus.Failed, "Half way"), (stalled.Completed.Status, stalled.Completed.Content));
        Assert.Equal("The assistant took too long to answer. Try again in a moment.", stalled.Error?.Message);
        await Assert.Single(world.Model.Requests).WaitForAbortAsync();
    }

    [Fact]
    public async Task StopGenerationAbortsTheModelRequestAndKeepsThePartialTextAsCancelled()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        world.Model.Enqueue(ScriptedReply.HoldAfter("Once", " upon", " a time"));

        var turn = await ReadTurnAsync(world.Chat.Send("Tell me a story"), async (events, latest) =>
        {
            if (latest is TokenEvent && events.StreamedText() == "Once upon a time")
            {
                await world.Chat.StopAsync(latest.ConversationId);
            }
        });
        Assert.Null(turn.Error);
        Assert.Equal((MessageStatus.Cancelled, "Once upon a time"), (turn.Completed.Status, turn.Completed.Content));
        await Assert.Single(world.Model.Requests).WaitForAbortAsync();
        var stored = (await world.Http.MessagesAsync(turn.ConversationId)).Messages[^1];
        Assert.Equal((MessageStatus.Cancelled, "Once upon a time"), (stored.Status, stored.Content));
    }

    /// <summary>Reads a whole turn, letting the test act after each event (with the events so far).</summary>
    private static async Task<Turn> ReadTurnAsync(IAsyncEnumerable<ChatEvent> stream, Func<List<ChatEvent>, ChatEvent, Task> onEvent)
    {
        using var timeout = new CancellationTokenSource(TestSettings.Timeout);
        var events = new List<ChatEvent>();
        await foreach (var chatEvent in stream.WithCancellation(timeout.Token))
        {
            events.Add(chatEvent);
            await onEvent(events, chatEvent);
        }

        return new Turn(events);
    }

    /// <summary>A loopback port nobody listens on: bound by the OS, then released.</summary>
    private static int ClosedLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
