using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Tests.Models;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Tests.Chat;

/// <summary>
/// Text PostgreSQL cannot store (U+0000, lone surrogates) is made storable wherever it comes in,
/// so it can neither fail a save nor reach the database. On PostgreSQL (<c>TASKCHAT_TEST_DB=postgres</c>)
/// these were 500s, a misleading turn_in_progress and lost replies; on SQLite the NUL was stored.
/// </summary>
public sealed class UnstorableInputTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task ANulInAUserMessageStartsTheTurnAndIsNotStored()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);

        var turn = await chat.SendAndWaitAsync("add buy\0 milk\uD800");

        Assert.Null(turn.Error);
        Assert.Equal(MessageStatus.Completed, turn.Completed.Status);
        Assert.Equal("add buy milk\uFFFD", (await http.MessagesAsync(turn.ConversationId)).Messages[0].Content);
    }

    [Fact]
    public async Task NulsInTaskTitlesDescriptionsAndConversationTitlesAreRemoved()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);

        var created = await http.CreateTaskAsync("Pay\0 rent", "due\0 friday");
        using var patched = await http.PatchAsJsonAsync($"/api/v1/tasks/{created.Number}", new { title = "Pay\0 the rent\uDC00" });
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var conversationId = (await chat.SendAndWaitAsync("hello")).ConversationId;
        using var renamed = await http.PatchAsJsonAsync($"/api/v1/conversations/{conversationId}", new { title = "My\0 chat" });

        Assert.Equal(("Pay rent", "due friday"), (created.Title, created.Description));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Pay the rent\uFFFD", Assert.Single(await http.ListTasksAsync()).Title);
        var conversations = await http.GetFromJsonAsync<List<ConversationDto>>("/api/v1/conversations", TaskChatApplication.Json);
        Assert.Equal("My chat", Assert.Single(conversations!).Title);
    }

    [Fact]
    public async Task ANulInModelOutputAndInToolArgumentsIsNotStored()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        world.Model.Enqueue(
            ScriptedReply.ToolCalls("Adding\0 it. ", new ScriptedCall("call_nul", "add_task", "{\"title\": \"Buy\\u0000 milk\"}")),
            ScriptedReply.Text("Added\0 task 1", ", Buy milk."));

        var turn = await world.Chat.SendAndWaitAsync("add buy milk");

        Assert.Equal(MessageStatus.Completed, turn.Completed.Status);
        Assert.DoesNotContain('\0', turn.StreamedText);
        var reply = (await world.Http.MessagesAsync(turn.ConversationId)).Messages[^1];
        Assert.Equal("Adding it. Added task 1, Buy milk.", reply.Content);
        Assert.Equal(turn.Completed.Content, reply.Content);
        Assert.Equal("Buy milk", reply.ToolCalls.Single().Arguments.GetProperty("title").GetString());
        Assert.Equal("Buy milk", Assert.Single(await world.Http.ListTasksAsync()).Title);

        // Straight from the table: no escaped NUL either.
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var stored = await db.ToolCalls.AsNoTracking().SingleAsync(t => t.MessageId == reply.Id);
        Assert.DoesNotContain("\\u0000", stored.Arguments);
    }
}
