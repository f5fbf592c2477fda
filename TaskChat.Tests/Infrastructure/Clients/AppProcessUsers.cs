using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Infrastructure.Clients;

/// <summary>Accounts on an app running as its own process, made through its API as a person's client would.</summary>
public static class AppProcessUsers
{
    public static async Task<TestUser> CreateUserAsync(this AppProcess app)
    {
        var (email, password) = TestUser.NewCredentials();
        using var client = app.CreateClient();
        using var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password });
        registered.EnsureSuccessStatusCode();
        var userId = JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement.GetProperty("user_id").GetGuid();
        return new TestUser(email, password, userId, await TaskChatApplication.GetTokenAsync(client, email, password));
    }

    /// <summary>A client that sends the user's JWT as <c>Authorization: Bearer</c>.</summary>
    public static HttpClient CreateClient(this AppProcess app, TestUser user) => app.CreateClient(new BearerTokenHandler(user.AccessToken));
}
