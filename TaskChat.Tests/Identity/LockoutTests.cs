using System.Net;
using System.Net.Http.Json;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Identity;

/// <summary>Five wrong passwords lock the account, on the sign-in page and on the token endpoint alike.</summary>
public sealed class LockoutTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    private const string WrongPasswordMessage = "The email or password is incorrect.";
    private const string LockedMessage = "Too many failed sign-ins. This account is locked for a few minutes.";

    [Fact]
    public async Task FiveFailedTokenRequestsLockTheAccountEvenForTheRightPassword()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAnonymousClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = "wrong-password-123" });
            Assert.Equal(attempt < 5 ? HttpStatusCode.Unauthorized : HttpStatusCode.TooManyRequests, failed.StatusCode);
        }

        using var refused = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = user.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var problem = await refused.ReadProblemAsync();
        Assert.Equal(LockedMessage, problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("access_token", out _));

        // The page refuses the same account: one lockout, whichever door was knocked on.
        using var session = new PageSession(app.ServerAddress);
        using var page = await SignInAsync(session, user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(LockedMessage, await page.Content.ReadAsStringAsync());
        Assert.False(session.HasCookie("taskchat.auth"));
    }

    [Fact]
    public async Task FourFailedTokenRequestsDoNotLockTheAccount()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAnonymousClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = "wrong-password-123" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
            Assert.Equal(WrongPasswordMessage, (await failed.ReadProblemAsync()).GetProperty("detail").GetString());
        }

        Assert.False(string.IsNullOrEmpty(await TaskChatApplication.GetTokenAsync(client, user.Email, user.Password)));
    }

    [Fact]
    public async Task FiveFailedSignInsOnThePageLockTheAccountEvenForTheRightPassword()
    {
        var user = await app.CreateUserAsync();
        using var session = new PageSession(app.ServerAddress);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await SignInAsync(session, user.Email, "wrong-password-123");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains(attempt < 5 ? WrongPasswordMessage : LockedMessage, await failed.Content.ReadAsStringAsync());
        }

        using var refused = await SignInAsync(session, user.Email, user.Password);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(LockedMessage, await refused.Content.ReadAsStringAsync());
        Assert.False(session.HasCookie("taskchat.auth"));
        using var tasks = await session.GetAsync("/tasks");
        Assert.Equal(HttpStatusCode.Redirect, tasks.StatusCode);
        Assert.StartsWith("/signin", tasks.Headers.Location?.PathAndQuery);

        using var client = app.CreateAnonymousClient();
        using var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, token.StatusCode);
    }

    [Fact]
    public async Task RightPasswordOnThePageSignsInAndOpensTheTasksPage()
    {
        var user = await app.CreateUserAsync();
        using var session = new PageSession(app.ServerAddress);

        using var signedIn = await SignInAsync(session, user.Email, user.Password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/chat", signedIn.Headers.Location?.OriginalString);
        Assert.True(session.HasCookie("taskchat.auth"));
        using var tasks = await session.GetAsync("/tasks");
        Assert.Equal(HttpStatusCode.OK, tasks.StatusCode);
        Assert.Contains(user.Email, await tasks.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignInFormWithoutAntiforgeryTokenIsRejected()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAnonymousClient();

        using var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, header => header.Key == "Set-Cookie" && header.Value.Any(v => v.StartsWith("taskchat.auth", StringComparison.Ordinal)));
    }

    private static Task<HttpResponseMessage> SignInAsync(PageSession session, string email, string password) =>
        session.SubmitFormAsync("/signin", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
}
