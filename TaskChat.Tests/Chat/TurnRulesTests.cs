using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Tests.Chat;

/// <summary>Idempotent sends, one turn at a time, sequence numbers, and bad input.</summary>
public sealed class TurnRulesTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task ARepeatedClientMessageIdReplaysTheTurnInsteadOfStartingAnother()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);

        var first = await chat.SendAndWaitAsync("Create a task to renew passport", clientMessageId: "msg-1");
        var retried = await chat.SendAndWaitAsync("Create a task to renew passport", clientMessageId: "msg-1");
        var retriedInConversation = await chat.SendAndWaitAsync("Create a task to renew passport", first.ConversationId, "msg-1");

        foreach (var repeat in new[] { retried, retriedInConversation })
        {
            Assert.Equal(first.ConversationId, repeat.ConversationId);
            Assert.Equal(first.Started.AssistantMessageId, repeat.Started.AssistantMessageId);
            Assert.Equal(first.Completed.Content, repeat.Completed.Content);
        }

        Assert.Single((await http.TasksAsync()).EnumerateArray());
        Assert.Equal(2, (await http.MessagesAsync(first.ConversationId)).Messages.Count);
    }

    [Fact]
    public async Task ARepeatOfAnOlderSendIsReplayedAfterANewerTurn()
    {
        var user = await app.CreateUserAsync();
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var first = await chat.SendAndWaitAsync("Create a task to renew passport", clientMessageId: "older");
        await chat.SendAndWaitAsync("Show me my tasks", first.ConversationId, "newer");

        // The newer turn is what the conversation's buffer holds now; the older one comes from the database.
        var repeat = await chat.SendAndWaitAsync("Create a task to renew passport", first.ConversationId, "older");

        Assert.Null(repeat.Error);
        Assert.Equal(first.Started.AssistantMessageId, repeat.Started.AssistantMessageId);
        Assert.Equal(first.Completed.Content, repeat.Completed.Content);
    }

    [Fact]
    public async Task ConcurrentRepeatsOfOneSendMakeOneTurn()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var conversationId = (await chat.SendAndWaitAsync("hello")).ConversationId;

        var sends = Enumerable.Range(0, 5).Select(_ => chat.SendAndWaitAsync("Create a task to book dentist", conversationId, "same-id"));
        var turns = await Task.WhenAll(sends);

        Assert.All(turns, turn => Assert.Null(turn.Error));
        Assert.Single(turns.Select(t => t.Started.AssistantMessageId).Distinct());
        Assert.Single((await http.TasksAsync()).EnumerateArray());
        Assert.Equal(4, (await http.MessagesAsync(conversationId)).Messages.Count);
    }

    [Fact]
    public async Task ConcurrentRepeatsOfAFirstMessageMakeOneConversation()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);

        var turns = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => chat.SendAndWaitAsync("Create a task to plan trip", clientMessageId: "first-message")));

        Assert.All(turns, turn => Assert.Null(turn.Error));
        Assert.Single(turns.Select(t => t.ConversationId).Distinct());
        Assert.Single((await http.GetFromJsonAsync<List<ConversationDto>>("/api/v1/conversations"))!);
        Assert.Single((await http.TasksAsync()).EnumerateArray());
    }

    [Fact]
    public async Task ConcurrentSendsGetOneTurnAtATimeAndStrictlyIncreasingSequenceNumbers()
    {
        // Paced words keep each round's winning reply streaming while the other sends arrive: with
        // instant replies, a loaded machine could finish the winner before a later send is read,
        // and that send would rightly win a round of its own.
        await using var slowApp = await TaskChatApplication.StartAsync(SlowReplies.Settings(delayMs: 60));
        var user = await slowApp.CreateUserAsync();
        using var http = slowApp.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(slowApp.ServerAddress, user);
        var conversationId = (await chat.SendAndWaitAsync("hello")).ConversationId;

        var accepted = new List<Turn>();
        for (var round = 0; round < 4; round++)
        {
            var turns = await Task.WhenAll(Enumerable.Range(0, 4)
                .Select(i => chat.SendAndWaitAsync($"Create a task to do chore {round}-{i}", conversationId)));

            // Exactly one send per round wins; the others are refused with a clear error and leave nothing behind.
            var winners = turns.Where(t => t.Error is null).ToList();
            Assert.Single(winners);
            Assert.All(turns.Where(t => t.Error is not null), t => Assert.Equal(ChatErrorCodes.TurnInProgress, t.Error!.Code));
            accepted.AddRange(winners);
        }

        var messages = (await http.MessagesAsync(conversationId)).Messages;
        Assert.Equal(2 + (accepted.Count * 2), messages.Count);
        Assert.Equal(Enumerable.Range(1, messages.Count), messages.Select(m => m.SequenceNumber));
        Assert.Equal(
            accepted.Select(t => t.Started.UserMessage.Content),
            messages.Where(m => m.Role == MessageRole.User).Skip(1).Select(m => m.Content));
        Assert.Equal(accepted.Count, (await http.TasksAsync()).GetArrayLength());
    }

    [Fact]
    public async Task AReplyLeftStreamingByADeadProcessIsMarkedInterruptedByTheNextTurn()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var first = await chat.SendAndWaitAsync("hello");

        // What a node that died mid-reply leaves behind: the reply still marked streaming, and
        // no lease on the conversation.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
            await db.Messages.Where(m => m.Id == first.Started.AssistantMessageId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Streaming));
        }

        var next = await chat.SendAndWaitAsync("Create a task to water plants", first.ConversationId);

        Assert.Null(next.Error);
        Assert.Equal(MessageStatus.Completed, next.Completed.Status);
        var messages = (await http.MessagesAsync(first.ConversationId)).Messages;
        Assert.Equal([1, 2, 3, 4], messages.Select(m => m.SequenceNumber));
        Assert.Equal(MessageStatus.Interrupted, messages[1].Status);
        Assert.Equal(first.Completed.Content, messages[1].Content);
        Assert.Equal(MessageStatus.Completed, messages[3].Status);
    }

    [Fact]
    public async Task SendsInManyConversationsAtOnceAllSucceed()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);

        var turns = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => chat.SendAndWaitAsync($"Create a task to sort box {i}")));

        Assert.All(turns, t => Assert.Null(t.Error));
        Assert.Equal(8, turns.Select(t => t.ConversationId).Distinct().Count());
        var numbers = (await http.TasksAsync()).EnumerateArray().Select(t => t.GetProperty("number").GetInt32()).Order();
        Assert.Equal(Enumerable.Range(1, 8), numbers);
    }

    [Theory]
    [InlineData("", ChatErrorCodes.InvalidRequest)]
    [InlineData("   ", ChatErrorCodes.InvalidRequest)]
    [InlineData("\u200B\u200B\u200B\u200B", ChatErrorCodes.InvalidRequest)]
    [InlineData(" \u200C\u200D\uFEFF\u2060\u202E\u3164 \u0000 ", ChatErrorCodes.InvalidRequest)]
    [InlineData(null, ChatErrorCodes.MessageTooLong)]
    public async Task BadMessagesGetAClearErrorAndChangeNothing(string? text, string code)
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);

        var turn = await chat.SendAndWaitAsync(text ?? new string('a', 8001));

        var error = Assert.IsType<ErrorEvent>(Assert.Single(turn.Events));
        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Empty((await http.GetFromJsonAsync<List<ConversationDto>>("/api/v1/conversations"))!);
    }

    [Theory]
    [InlineData('a')]
    [InlineData('\u0001')] // JSON escapes it as \u0001: six bytes a character on the wire
    [InlineData('"')]
    public async Task AMessageOfExactlyTheLimitIsAccepted(char character)
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);

        var turn = await chat.SendAndWaitAsync(new string(character, 8000));

        Assert.Null(turn.Error);
        Assert.Equal(HubConnectionState.Connected, chat.Hub.State);
        Assert.Equal(new string(character, 8000), (await http.MessagesAsync(turn.ConversationId)).Messages[0].Content);
    }

    [Fact]
    public async Task AHubMessageOver64KilobytesClosesTheConnectionWithAClearError()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var closed = new TaskCompletionSource<Exception?>();
        chat.Hub.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };

        await Assert.ThrowsAnyAsync<Exception>(() => chat.SendAndWaitAsync(new string('x', 70_000)));

        var error = await closed.Task.WaitAsync(TestSettings.Timeout);
        Assert.NotNull(error);
        Assert.Contains("maximum message size", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HubConnectionState.Disconnected, chat.Hub.State);
        Assert.Empty((await http.GetFromJsonAsync<List<ConversationDto>>("/api/v1/conversations"))!);
    }

    [Fact]
    public async Task TheHubOffersWebSocketsAndStatefulReconnect()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);

        using var response = await http.PostAsync("/hubs/chat/negotiate?negotiateVersion=1&useStatefulReconnect=true", null);
        var negotiation = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(negotiation.GetProperty("useStatefulReconnect").GetBoolean());
        Assert.Contains(negotiation.GetProperty("availableTransports").EnumerateArray(), t => t.GetProperty("transport").GetString() == "WebSockets");
    }

    [Fact]
    public async Task TheRestChatEndpointRunsTheSamePipeline()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);

        using var response = await http.PostAsJsonAsync("/api/v1/chat", new { message = "Create a task to buy groceries" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Contains("Buy groceries", body.GetProperty("response").GetString());
        var conversationId = body.GetProperty("conversation_id").GetGuid();
        var metadata = body.GetProperty("metadata");
        Assert.Equal("add_task", metadata.GetProperty("intent").GetString());
        Assert.Equal("add_task", metadata.GetProperty("tool_called").GetString());
        Assert.InRange(metadata.GetProperty("confidence").GetDouble(), 0.01, 1.0);
        Assert.True(metadata.GetProperty("execution_time_ms").GetInt64() >= 0);

        var messages = (await http.MessagesAsync(conversationId)).Messages;
        Assert.Equal(body.GetProperty("message_id").GetGuid(), messages[^1].Id);
        Assert.Equal(body.GetProperty("response").GetString(), messages[^1].Content);

        using var followUp = await http.PostAsJsonAsync("/api/v1/chat", new { message = "Show me my tasks", conversation_id = conversationId });
        var followBody = await followUp.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(conversationId, followBody.GetProperty("conversation_id").GetGuid());
        Assert.Equal("list_tasks", followBody.GetProperty("metadata").GetProperty("tool_called").GetString());

        using var empty = await http.PostAsJsonAsync("/api/v1/chat", new { message = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AMessageOfOnlyInvisibleCharactersIsRefusedOverRestLikeAnEmptyOne()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);

        using var invisible = await http.PostAsJsonAsync("/api/v1/chat", new { message = new string('\u200B', 8000) });

        Assert.Equal(HttpStatusCode.BadRequest, invisible.StatusCode);
        var problem = await invisible.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(ChatErrorCodes.InvalidRequest, problem.GetProperty("code").GetString());
        Assert.Empty((await http.GetFromJsonAsync<List<ConversationDto>>("/api/v1/conversations"))!);
    }
}
