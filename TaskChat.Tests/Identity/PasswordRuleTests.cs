using System.Net;
using System.Net.Http.Json;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Identity;

/// <summary>Length is the rule (at least 10 characters), not character classes.</summary>
public sealed class PasswordRuleTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task NineCharacterPasswordIsRefusedWithAClearMessage()
    {
        var (email, _) = TestUser.NewCredentials();
        using var client = app.CreateAnonymousClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "abcdefghi" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("password").EnumerateArray()).GetString();
        Assert.Contains("10 characters", message);

        // No account was made: the same email can still register with a valid password.
        using var retry = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "abcdefghij" });
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
    }

    [Fact]
    public async Task TenCharacterPasswordWithOnlyLowercaseLettersIsAccepted()
    {
        var user = await app.CreateUserAsync(password: "abcdefghij");

        using var client = app.CreateClient(user);
        using var response = await client.GetAsync("/api/v1/tasks");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignUpPageShowsThePasswordRuleAndSignsInWithAValidPassword()
    {
        var (email, _) = TestUser.NewCredentials();
        using var session = new PageSession(app.ServerAddress);

        using var tooShort = await session.SubmitFormAsync("/signup", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "123456789",
        });
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("at least 10 characters", await tooShort.Content.ReadAsStringAsync());
        Assert.False(session.HasCookie("taskchat.auth"));

        using var valid = await session.SubmitFormAsync("/signup", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "1234567890",
        });
        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        Assert.Equal("/chat", valid.Headers.Location?.OriginalString);
        Assert.True(session.HasCookie("taskchat.auth"));
    }

    [Fact]
    public async Task RegisteringTheSameEmailTwiceIsAConflict()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAnonymousClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = user.Email, password = "another-password-1" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already exists", (await response.ReadProblemAsync()).GetProperty("detail").GetString());
    }
}
