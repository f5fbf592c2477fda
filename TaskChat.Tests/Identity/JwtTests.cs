using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Identity;

/// <summary>
/// The API's bearer tokens. Bad tokens are crafted here by hand, from the same claims the app
/// issues, so that each one differs from an accepted token in exactly one way; the first test
/// proves a correctly crafted token is accepted, so a 401 below is about that one difference.
/// </summary>
public sealed class JwtTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task RegisteredUserGetsATokenThatOpensTheTasksApi()
    {
        var (email, password) = TestUser.NewCredentials();
        using var anonymous = app.CreateAnonymousClient();

        using var registered = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, password });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        using var account = JsonDocument.Parse(await registered.Content.ReadAsStringAsync());
        Assert.Equal(email, account.RootElement.GetProperty("email").GetString());
        Assert.NotEqual(Guid.Empty, account.RootElement.GetProperty("user_id").GetGuid());

        using var issued = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        using var token = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", token.RootElement.GetProperty("token_type").GetString());
        Assert.True(token.RootElement.GetProperty("expires_in").GetInt32() > 0);
        var accessToken = token.RootElement.GetProperty("access_token").GetString()!;

        Assert.Equal(HttpStatusCode.OK, await GetTasksStatusAsync(accessToken));
    }

    [Fact]
    public async Task RequestWithoutTokenIsUnauthorized()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/api/v1/tasks");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenCraftedWithTheRightSecretIsAccepted()
    {
        var user = await app.CreateUserAsync();

        var token = Craft(user.UserId, TestSettings.JwtSecret, expires: DateTimeOffset.UtcNow.AddMinutes(10));

        Assert.Equal(HttpStatusCode.OK, await GetTasksStatusAsync(token));
    }

    [Fact]
    public async Task ExpiredTokenIsUnauthorized()
    {
        var user = await app.CreateUserAsync();

        var token = Craft(user.UserId, TestSettings.JwtSecret, expires: DateTimeOffset.UtcNow.AddMinutes(-10));

        Assert.Equal(HttpStatusCode.Unauthorized, await GetTasksStatusAsync(token));
    }

    [Fact]
    public async Task TokenSignedWithAnotherSecretIsUnauthorized()
    {
        var user = await app.CreateUserAsync();

        var token = Craft(user.UserId, "an-attacker-secret-that-is-long-enough-0123456789", DateTimeOffset.UtcNow.AddMinutes(10));

        Assert.Equal(HttpStatusCode.Unauthorized, await GetTasksStatusAsync(token));
    }

    [Fact]
    public async Task UnsignedTokenWithAlgNoneIsUnauthorized()
    {
        var user = await app.CreateUserAsync();

        var token = Craft(user.UserId, secret: null, DateTimeOffset.UtcNow.AddMinutes(10));

        Assert.EndsWith(".", token);
        Assert.Equal(HttpStatusCode.Unauthorized, await GetTasksStatusAsync(token));
    }

    [Fact]
    public async Task TokenWhoseSubjectWasSwappedIsUnauthorized()
    {
        var victim = await app.CreateUserAsync();
        var attacker = await app.CreateUserAsync();
        using (var victimClient = app.CreateClient(victim))
        {
            await victimClient.CreateTaskAsync("Victim's private task");
        }

        // Keep the attacker's valid signature, but claim to be the victim.
        var parts = attacker.AccessToken.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlDecode(parts[1]))!;
        payload["sub"] = JsonSerializer.SerializeToElement(victim.UserId.ToString());
        var forged = $"{parts[0]}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload))}.{parts[2]}";

        Assert.Equal(HttpStatusCode.Unauthorized, await GetTasksStatusAsync(forged));
    }

    [Fact]
    public async Task GarbageBearerValueIsUnauthorized()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await GetTasksStatusAsync("not-a-jwt"));
    }

    private async Task<HttpStatusCode> GetTasksStatusAsync(string token)
    {
        using var client = app.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tasks");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>An HS256 JWT with the app's issuer, audience and claims; <paramref name="secret"/> null gives <c>alg: none</c>.</summary>
    private static string Craft(Guid userId, string? secret, DateTimeOffset expires)
    {
        var header = secret is null
            ? new Dictionary<string, object> { ["alg"] = "none", ["typ"] = "JWT" }
            : new Dictionary<string, object> { ["alg"] = "HS256", ["typ"] = "JWT" };
        var issuedAt = expires.AddMinutes(-60).ToUnixTimeSeconds();
        var payload = new Dictionary<string, object>
        {
            ["sub"] = userId.ToString(),
            ["jti"] = Guid.NewGuid().ToString(),
            ["iss"] = TestSettings.JwtIssuer,
            ["aud"] = TestSettings.JwtAudience,
            ["iat"] = issuedAt,
            ["nbf"] = issuedAt,
            ["exp"] = expires.ToUnixTimeSeconds(),
        };

        var unsigned = $"{Base64Url(JsonSerializer.SerializeToUtf8Bytes(header))}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload))}";
        if (secret is null)
        {
            return unsigned + ".";
        }

        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(unsigned));
        return $"{unsigned}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
