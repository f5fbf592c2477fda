using System.Net;
using System.Net.Http.Json;
using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Security;

namespace TaskChat.Tests.Security;

/// <summary>REST limits per user, sign-in and register per client address, hub connections per user.</summary>
public sealed class HttpRateLimitTests
{
    [Fact]
    public async Task TheApiLimitIsPerUserAndAnswers429ProblemDetailsWithRetryAfter()
    {
        await using var app = await TaskChatApplication.StartAsync(new Dictionary<string, string?> { ["RateLimits:ApiRequestsPerMinute"] = "5" });
        var busy = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        using var busyApi = app.CreateClient(busy);
        using var otherApi = app.CreateClient(other);

        for (var i = 0; i < 5; i++)
        {
            using var allowed = await busyApi.GetAsync("/api/v1/tasks");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await busyApi.PostAsJsonAsync("/api/v1/tasks", new { title = "One too many" });
        using var unaffected = await otherApi.GetAsync("/api/v1/tasks");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var retryAfter = int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")));
        Assert.InRange(retryAfter, 1, 60);
        var problem = await limited.ReadProblemAsync();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(retryAfter, problem.GetProperty("retry_after_seconds").GetInt32());
        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
        Assert.Empty(await unaffected.Content.ReadFromJsonAsync<List<object>>() ?? []);
    }

    [Fact]
    public async Task SignInsAndRegistrationsFromOneAddressAreLimitedWithTheDefault()
    {
        var limit = new RateLimitOptions().AuthAttemptsPerMinute;
        await using var app = await TaskChatApplication.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimits:AuthAttemptsPerMinute"] = limit.ToString(),
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        });
        using var client = app.CreateAnonymousClient();

        for (var i = 0; i < limit; i++)
        {
            using var refused = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = $"nobody-{i}@test.example", password = "guess-number-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@test.example", password = "one-more-guess" });
        var (email, password) = TestUser.NewCredentials();
        using var register = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password });
        using var form = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>()));
        using var behindProxy = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register") { Content = JsonContent.Create(new { email, password }) };
        behindProxy.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var otherClient = await client.SendAsync(behindProxy);

        Assert.Equal(HttpStatusCode.TooManyRequests, token.StatusCode);
        Assert.True(token.Headers.RetryAfter is not null, "No Retry-After on the refused sign-in.");
        Assert.Equal(HttpStatusCode.TooManyRequests, register.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        // Another client behind the configured proxy has its own allowance.
        Assert.Equal(HttpStatusCode.Created, otherClient.StatusCode);
    }

    [Fact]
    public async Task AUserCannotHoldMoreHubConnectionsThanTheLimit()
    {
        await using var app = await TaskChatApplication.StartAsync(new Dictionary<string, string?> { ["RateLimits:ConnectionsPerUser"] = "3" });
        var user = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var open = new List<ChatConnection>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                open.Add(await ChatConnection.ConnectAsync(app.ServerAddress, user));
            }

            var refused = await Assert.ThrowsAnyAsync<Exception>(() => ChatConnection.ConnectAsync(app.ServerAddress, user));
            Assert.Contains("429", refused.ToString());
            await using var otherChat = await ChatConnection.ConnectAsync(app.ServerAddress, other);

            await open[0].DisposeAsync();
            open.RemoveAt(0);
            await using var again = await WithRetryAsync(() => ChatConnection.ConnectAsync(app.ServerAddress, user));
            var turn = await again.SendAndWaitAsync("Create a task to close a tab");
            Assert.Equal("completed", turn.Completed.Status.ToString().ToLowerInvariant());
        }
        finally
        {
            foreach (var connection in open)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData("RateLimits:TurnsPerMinute", "0", "TurnsPerMinute")]
    [InlineData("RateLimits:ConnectionsPerUser", "-1", "ConnectionsPerUser")]
    [InlineData("Database:MaxPoolSize", "0", "Database:MaxPoolSize")]
    public async Task AnImpossibleLimitStopsStartUpNamingTheSetting(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key.StartsWith("Database", StringComparison.Ordinal))
        {
            // The pool size matters only on PostgreSQL; the check runs before any connection is made.
            settings["ConnectionStrings:TaskChat"] = "Host=127.0.0.1;Username=postgres;Password=postgres;Database=unused";
        }

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TaskChatApplication.StartAsync(settings));

        Assert.Contains(named, failure.ToString());
    }

    /// <summary>The server frees a slot when the closed socket's request ends, a moment after the client let go.</summary>
    private static async Task<T> WithRetryAsync<T>(Func<Task<T>> attempt)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception) when (tries < 20)
            {
                await Task.Delay(100);
            }
        }
    }
}
