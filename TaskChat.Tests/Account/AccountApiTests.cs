using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Account;

/// <summary>The account routes under /api/v1/me, and what they do to tokens and open connections.</summary>
public sealed class AccountApiTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task ChangingThePasswordEndsOldTokensAndOpenConnectionsAndHandsOutANewToken()
    {
        var user = await app.CreateUserAsync();
        var secondToken = await TaskChatApplication.GetTokenAsync(app.CreateAnonymousClient(), user.Email, user.Password);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var closed = Closed(chat.Hub);
        using var api = app.CreateClient(user);
        var newPassword = $"new-{Guid.NewGuid():N}";

        using var changed = await api.PostAsJsonAsync("/api/v1/me/password", new { current_password = user.Password, new_password = newPassword });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var freshToken = (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        await closed.WaitAsync(TestSettings.Timeout);
        Assert.Equal(HttpStatusCode.Unauthorized, await TasksStatusAsync(user.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await TasksStatusAsync(secondToken));
        Assert.Equal(HttpStatusCode.OK, await TasksStatusAsync(freshToken));
        await Assert.ThrowsAnyAsync<Exception>(() => ChatConnection.ConnectAsync(app.ServerAddress, user));
        using var client = app.CreateAnonymousClient();
        using var oldPassword = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.False(string.IsNullOrEmpty(await TaskChatApplication.GetTokenAsync(client, user.Email, newPassword)));
    }

    [Fact]
    public async Task AWrongCurrentPasswordChangesNothing()
    {
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);

        using var refused = await api.PostAsJsonAsync("/api/v1/me/password", new { current_password = "not-it-at-all", new_password = "whatever-123456" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.ReadProblemAsync()).GetProperty("errors").TryGetProperty("current_password", out _));
        Assert.Equal(HttpStatusCode.OK, await TasksStatusAsync(user.AccessToken));
    }

    [Fact]
    public async Task SigningOutEverywhereEndsEveryTokenAndConnection()
    {
        var user = await app.CreateUserAsync();
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var closed = Closed(chat.Hub);
        using var api = app.CreateClient(user);

        using var done = await api.PostAsync("/api/v1/me/sign-out-everywhere", null);

        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        await closed.WaitAsync(TestSettings.Timeout);
        Assert.Equal(HttpStatusCode.Unauthorized, await TasksStatusAsync(user.AccessToken));
        Assert.False(string.IsNullOrEmpty(await TaskChatApplication.GetTokenAsync(app.CreateAnonymousClient(), user.Email, user.Password)));
    }

    [Fact]
    public async Task TheDataDownloadHoldsTheUsersTasksConversationsMessagesAndToolCallsOnly()
    {
        var user = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        await using (var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user))
        {
            await chat.SendAndWaitAsync("Create a task to buy oat milk");
        }

        await using (var strangerChat = await ChatConnection.ConnectAsync(app.ServerAddress, stranger))
        {
            await strangerChat.SendAndWaitAsync("Create a task to hide the stranger's secret");
        }

        using var api = app.CreateClient(user);
        using var response = await api.GetAsync("/api/v1/me/data");
        var json = await response.Content.ReadAsStringAsync();
        var data = JsonDocument.Parse(json).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(user.Email, data.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal("buy oat milk", Assert.Single(data.GetProperty("tasks").EnumerateArray()).GetProperty("title").GetString(), ignoreCase: true);
        var conversation = Assert.Single(data.GetProperty("conversations").EnumerateArray());
        var messages = conversation.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("Create a task to buy oat milk", messages[0].GetProperty("content").GetString());
        var toolCall = Assert.Single(messages[1].GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("add_task", toolCall.GetProperty("name").GetString());
        Assert.DoesNotContain("stranger", json);
    }

    [Fact]
    public async Task DeletingTheAccountAsksForThePasswordThenEndsItsTokens()
    {
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        await api.CreateTaskAsync("Keep me until the password is right");

        using var wrong = await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = "not-my-password" }) });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Single(await api.ListTasksAsync());

        using var deleted = await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = user.Password }) });

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await TasksStatusAsync(user.AccessToken));
        using var signIn = await app.CreateAnonymousClient().PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }

    [Fact]
    public async Task AnEmailLongerThanTheColumnIsA400AtRegisterOnTheApiAndTheForm()
    {
        var email = new string('a', 250) + "@test.example";
        using var client = app.CreateAnonymousClient();

        using var api = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "long-enough-password" });
        using var session = new PageSession(app.ServerAddress);
        using var form = await session.SubmitFormAsync("/signup", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "long-enough-password",
        });

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("at most 256", (await api.ReadProblemAsync()).GetProperty("errors").GetProperty("email")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("at most 256", await form.Content.ReadAsStringAsync());
        Assert.False(session.HasCookie("taskchat.auth"));
    }

    private async Task<HttpStatusCode> TasksStatusAsync(string token)
    {
        using var client = app.CreateAnonymousClient(new BearerTokenHandler(token));
        using var response = await client.GetAsync("/api/v1/tasks");
        return response.StatusCode;
    }

    private static Task Closed(HubConnection hub)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}
