using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Operations;

namespace TaskChat.Tests.Chat;

public sealed class ConversationApiTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task ConversationsAreListedNewestFirstWithATitleFromTheFirstMessage()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var older = await chat.SendAndWaitAsync("Create a task to buy groceries");
        var newer = await chat.SendAndWaitAsync("hey, can you tell me what's left?");

        var list = await http.GetFromJsonAsync<List<ConversationDto>>("/api/v1/conversations", JsonDefaults.Wire);

        Assert.Equal([newer.ConversationId, older.ConversationId], list!.Select(c => c.Id));
        // Titled by what they are about: the task it adds, or the request without its greeting.
        Assert.Equal(["Tell me what's left?", "Buy groceries"], list!.Select(c => c.Title));

        // A new turn in the older conversation brings it back to the top.
        await chat.SendAndWaitAsync("Show me my tasks", older.ConversationId);
        list = await http.GetFromJsonAsync<List<ConversationDto>>("/api/v1/conversations", JsonDefaults.Wire);
        Assert.Equal(older.ConversationId, list![0].Id);
    }

    [Fact]
    public async Task MessagesPageBackwardsByKeyset()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var conversationId = (await chat.SendAndWaitAsync("hello")).ConversationId;
        for (var i = 0; i < 4; i++)
        {
            await chat.SendAndWaitAsync($"Create a task to task {i}", conversationId);
        }

        var newest = await http.MessagesAsync(conversationId, limit: 4);
        Assert.True(newest.HasMore);
        Assert.Equal([7, 8, 9, 10], newest.Messages.Select(m => m.SequenceNumber));

        var older = await http.MessagesAsync(conversationId, before: 7, limit: 4);
        Assert.True(older.HasMore);
        Assert.Equal([3, 4, 5, 6], older.Messages.Select(m => m.SequenceNumber));

        var oldest = await http.MessagesAsync(conversationId, before: 3, limit: 4);
        Assert.False(oldest.HasMore);
        Assert.Equal([1, 2], oldest.Messages.Select(m => m.SequenceNumber));

        var tool = Assert.Single(newest.Messages[^1].ToolCalls);
        Assert.Equal("add_task", tool.Name);
        Assert.Equal("Task 3", tool.Arguments.GetProperty("title").GetString());
        Assert.Equal("succeeded", tool.Result!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task RenameAndDeleteWhichTakesMessagesAndToolCallsWithIt()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var conversationId = (await chat.SendAndWaitAsync("Create a task to buy groceries")).ConversationId;

        using var renamed = await http.PatchAsJsonAsync($"/api/v1/conversations/{conversationId}", new { title = "Shopping" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Shopping", (await http.GetFromJsonAsync<List<ConversationDto>>("/api/v1/conversations", JsonDefaults.Wire))![0].Title);

        using var blank = await http.PatchAsJsonAsync($"/api/v1/conversations/{conversationId}", new { title = " " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);

        using var deleted = await http.DeleteAsync($"/api/v1/conversations/{conversationId}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty((await http.GetFromJsonAsync<List<ConversationDto>>("/api/v1/conversations", JsonDefaults.Wire))!);
        using var gone = await http.GetAsync($"/api/v1/conversations/{conversationId}/messages");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChat.Web.Data.TaskChatDbContext>();
        Assert.False(db.Messages.Any(m => m.ConversationId == conversationId));
        Assert.False(db.ToolCalls.Any(t => t.Message!.ConversationId == conversationId));

        // The task the conversation created is the user's, not the conversation's.
        Assert.Single((await http.TasksAsync()).EnumerateArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DeletingAConversationWhileItsReplyStreamsEndsTheTurnQuietly(bool throughTheApi)
    {
        await using var slow = await TaskChatApplication.StartAsync(SlowReplies.Settings(delayMs: 20));
        await using var started = await SlowConversation.StartAsync(slow);
        var (user, http, chat, conversationId) = started;

        var events = new List<ChatEvent>();
        using var timeout = new CancellationTokenSource(TestSettings.Timeout);
        await foreach (var chatEvent in chat.Send(SlowReplies.Prompt, conversationId, cancellationToken: timeout.Token))
        {
            events.Add(chatEvent);
            if (chatEvent is TokenEvent && events.OfType<TokenEvent>().Count() == 3)
            {
                await DeleteAsync(slow, http, conversationId, throughTheApi);
            }
        }

        // The stream still ends properly, nothing comes back, and nothing is logged as a failure.
        Assert.IsType<MessageCompletedEvent>(events[^1]);
        using var gone = await http.GetAsync($"/api/v1/conversations/{conversationId}/messages");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty((await http.GetFromJsonAsync<List<ConversationDto>>("/api/v1/conversations", JsonDefaults.Wire))!);
        var errors = slow.Logs.Lines.Where(line => line.StartsWith("[ERR]", StringComparison.Ordinal)
            && !line.Contains("__EFMigrationsHistory", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));

        // And the user carries on in a new conversation.
        Assert.Null((await chat.SendAndWaitAsync("Create a task to call mum")).Error);
    }

    /// <summary>
    /// Through the API the turn is asked to stop first, and its final write usually wins the
    /// race; removing the row directly makes the turn's final write find nothing, every time.
    /// </summary>
    private static async Task DeleteAsync(TaskChatApplication app, HttpClient http, Guid conversationId, bool throughTheApi)
    {
        if (throughTheApi)
        {
            using var deleted = await http.DeleteAsync($"/api/v1/conversations/{conversationId}");
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChat.Web.Data.TaskChatDbContext>();
        Assert.Equal(1, await db.Conversations.Where(c => c.Id == conversationId).ExecuteDeleteAsync());
    }
}
