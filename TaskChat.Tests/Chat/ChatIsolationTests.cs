using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Tests.Chat;

/// <summary>Someone else's conversation looks exactly like a missing one, on every route and hub method.</summary>
public sealed class ChatIsolationTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task CanOnlyReachOwnConversations()
    {
        var alice = await app.CreateUserAsync();
        var bob = await app.CreateUserAsync();
        using var aliceHttp = app.CreateClient(alice);
        using var bobHttp = app.CreateClient(bob);
        await using var aliceChat = await ChatConnection.ConnectAsync(app.ServerAddress, alice);
        await using var bobChat = await ChatConnection.ConnectAsync(app.ServerAddress, bob);
        var conversation = await aliceChat.SendAndWaitAsync("Create a task to see the doctor");
        var proposal = await aliceChat.SendAndWaitAsync("Delete task 1", conversation.ConversationId);
        var aliceId = conversation.ConversationId;
        var missingId = Guid.NewGuid();
        var before = await aliceHttp.MessagesAsync(aliceId);

        foreach (var id in new[] { aliceId, missingId })
        {
            // REST: the same 404 for Alice's conversation and for one that does not exist.
            using var messages = await bobHttp.GetAsync($"/api/v1/conversations/{id}/messages");
            using var rename = await bobHttp.PatchAsJsonAsync($"/api/v1/conversations/{id}", new { title = "mine now" });
            using var delete = await bobHttp.DeleteAsync($"/api/v1/conversations/{id}");
            using var chat = await bobHttp.PostAsJsonAsync("/api/v1/chat", new { message = "Show me my tasks", conversation_id = id });
            Assert.All([messages, rename, delete, chat], response => Assert.Equal(HttpStatusCode.NotFound, response.StatusCode));

            // Hub: an error event, never a stream of Alice's events.
            var sent = await bobChat.SendAndWaitAsync("yes", id);
            Assert.Equal(ChatErrorCodes.ConversationNotFound, Assert.IsType<ErrorEvent>(Assert.Single(sent.Events)).Code);
            var watched = await Turn.ReadAsync(bobChat.Watch(id));
            Assert.Equal(ChatErrorCodes.ConversationNotFound, Assert.IsType<ErrorEvent>(Assert.Single(watched.Events)).Code);
            var confirmed = await bobChat.ConfirmAsync(id, Assert.Single(proposal.ToolResults).ToolCallId, approve: true);
            Assert.Equal(ChatErrorCodes.ConversationNotFound, Assert.IsType<ErrorEvent>(Assert.Single(confirmed.Events)).Code);
            var stop = await Assert.ThrowsAsync<HubException>(() => bobChat.StopAsync(id));
            Assert.Contains(ChatErrorCodes.ConversationNotFound, stop.Message);
        }

        Assert.Empty((await bobHttp.GetFromJsonAsync<List<ConversationDto>>("/api/v1/conversations"))!);

        // Alice's conversation, and her task waiting for confirmation, are untouched.
        var after = await aliceHttp.MessagesAsync(aliceId);
        Assert.Equal(before.Messages.Select(m => (m.Id, m.Content, m.Status)), after.Messages.Select(m => (m.Id, m.Content, m.Status)));
        Assert.Single((await aliceHttp.TasksAsync()).EnumerateArray());
        Assert.Equal(ToolCallStatus.NeedsConfirmation, after.Messages[^1].ToolCalls.Single().Status);
    }

    [Fact]
    public async Task TheHubRefusesAnonymousConnections()
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.ServerAddress, "/hubs/chat"))
            .Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync().WaitAsync(TestSettings.Timeout));
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        await hub.DisposeAsync();
    }
}
