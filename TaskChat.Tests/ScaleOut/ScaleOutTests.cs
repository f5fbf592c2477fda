using System.Net;
using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Tests.ScaleOut;

/// <summary>What one node starts, every node sees, resumes and can stop.</summary>
public sealed class ScaleOutTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task AWatcherOnOneNodeSeesATurnRunningOnAnotherLive()
    {
        var user = await nodes.A.CreateUserAsync();
        await using var onA = await ChatConnection.ConnectAsync(nodes.A.ServerAddress, user);
        await using var onB = await ChatConnection.ConnectAsync(nodes.B.ServerAddress, user);
        var conversationId = (await onA.SendAndWaitAsync("hello")).ConversationId;

        using var timeout = new CancellationTokenSource(TestSettings.Timeout);
        var watching = Turn.ReadAsync(ResumeTests.TakeUntilCompleted(SkipSnapshot(onB.Watch(conversationId, cancellationToken: timeout.Token))));
        await Task.Delay(300);
        var sent = await onA.SendAndWaitAsync("Create a task to buy groceries", conversationId);
        var watched = await watching;

        Assert.Equal(sent.Events.Select(e => e.Event), watched.Events.Select(e => e.Event));
        Assert.Equal(sent.Completed.Content, watched.StreamedText);
        Assert.Equal(sent.Completed.Content, watched.Completed.Content);
    }

    [Fact]
    public async Task AClientResumesOnAnotherNodeWithNoGapAndNoRepeat()
    {
        await using var slow = await SlowConversation.StartAsync(nodes.A);
        var (user, http, setup, conversationId) = slow;

        var onA = await ChatConnection.ConnectAsync(nodes.A.ServerAddress, user);
        var seen = await onA.SendAndReadTokensAsync(SlowReplies.Prompt, conversationId, tokens: 5);

        await onA.DisposeAsync();
        await using var onB = await ChatConnection.ConnectAsync(nodes.B.ServerAddress, user);
        var rest = await Turn.ReadAsync(ResumeTests.TakeUntilCompleted(onB.Watch(conversationId, seen[^1].Event)));

        var all = seen.Concat(rest.Events).ToList();
        Turn.AssertContiguous(all);
        var completed = all.OfType<MessageCompletedEvent>().Single();
        Assert.Equal(completed.Content, all.StreamedText());
        Assert.Contains("Errand number 15", completed.Content);
    }

    [Fact]
    public async Task StopOnOneNodeStopsTheTurnRunningOnAnother()
    {
        await using var slow = await SlowConversation.StartAsync(nodes.A);
        var (user, http, onA, conversationId) = slow;
        await using var onB = await ChatConnection.ConnectAsync(nodes.B.ServerAddress, user);

        var events = new List<ChatEvent>();
        using var timeout = new CancellationTokenSource(TestSettings.Timeout);
        await foreach (var chatEvent in onA.Send(SlowReplies.Prompt, conversationId, cancellationToken: timeout.Token))
        {
            events.Add(chatEvent);
            if (events.OfType<TokenEvent>().Count() == 3)
            {
                await onB.StopAsync(conversationId);
            }
        }

        Assert.Equal(MessageStatus.Cancelled, events.OfType<MessageCompletedEvent>().Single().Status);
        Assert.Equal(MessageStatus.Cancelled, (await http.MessagesAsync(conversationId)).Messages[^1].Status);
    }

    [Fact]
    public async Task OneTurnAtATimeAcrossNodesAndAStartingNodeLeavesLiveTurnsAlone()
    {
        await using var slow = await SlowConversation.StartAsync(nodes.A);
        var (user, http, onA, conversationId) = slow;
        await using var onB = await ChatConnection.ConnectAsync(nodes.B.ServerAddress, user);

        var running = onA.SendAndWaitAsync(SlowReplies.Prompt, conversationId);
        await ResumeTests.PollAsync(async () => (await http.MessagesAsync(conversationId)).Messages[^1], m => m.SequenceNumber == 4);

        var refused = await onB.SendAndWaitAsync("Show me my open tasks", conversationId);
        Assert.Equal(ChatErrorCodes.TurnInProgress, refused.Error?.Code);

        // A third node starting up must not take node A's live reply for a dead one.
        await using (var third = await nodes.StartAnotherAsync())
        {
            Assert.Equal(MessageStatus.Streaming, (await http.MessagesAsync(conversationId)).Messages[^1].Status);
        }

        var finished = await running;
        Assert.Equal(MessageStatus.Completed, finished.Completed.Status);
        Assert.Equal(MessageStatus.Completed, (await http.MessagesAsync(conversationId)).Messages[^1].Status);
    }

    [Fact]
    public async Task ACookieIssuedByOneNodeWorksOnAnother()
    {
        var user = await nodes.A.CreateUserAsync();
        using var session = new PageSession(nodes.A.ServerAddress);
        using var signedIn = await session.SubmitFormAsync("/signin", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(session.HasCookie("taskchat.auth"));

        using var onB = nodes.B.CreateAnonymousClient(new SocketsHttpHandler
        {
            CookieContainer = CopyCookies(session.Cookies, nodes.A.ServerAddress, nodes.B.ServerAddress),
            AllowAutoRedirect = false,
        });
        using var response = await onB.GetAsync("/api/v1/tasks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static CookieContainer CopyCookies(CookieContainer from, Uri source, Uri target)
    {
        var to = new CookieContainer();
        foreach (Cookie cookie in from.GetCookies(source))
        {
            to.Add(target, new Cookie(cookie.Name, cookie.Value));
        }

        return to;
    }

    private static async IAsyncEnumerable<ChatEvent> SkipSnapshot(IAsyncEnumerable<ChatEvent> stream)
    {
        await foreach (var chatEvent in stream)
        {
            if (chatEvent is not TurnSnapshotEvent)
            {
                yield return chatEvent;
            }
        }
    }
}
