using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Identity;
using TaskChat.Web.Security;

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

        var token = Craft(await StampedSubjectAsync(user), TestSettings.JwtSecret, expires: DateTimeOffset.UtcNow.AddMinutes(10));

        Assert.Equal(HttpStatusCode.OK, await GetTasksStatusAsync(token));
    }

    [Fact]
    public async Task ExpiredTokenIsUnauthorized()
    {
        var user = await app.CreateUserAsync();

        var token = Craft(await StampedSubjectAsync(user), TestSettings.JwtSecret, expires: DateTimeOffset.UtcNow.AddMinutes(-10));

        Assert.Equal(HttpStatusCode.Unauthorized, await GetTasksStatusAsync(token));
    }

    [Fact]
    public async Task TokenSignedWithAnotherSecretIsUnauthorized()
    {
        var user = await app.CreateUserAsync();

        var token = Craft(await StampedSubjectAsync(user), "an-attacker-secret-that-is-long-enough-0123456789", DateTimeOffset.UtcNow.AddMinutes(10));

        Assert.Equal(HttpStatusCode.Unauthorized, await GetTasksStatusAsync(token));
    }

    [Fact]
    public async Task UnsignedTokenWithAlgNoneIsUnauthorized()
    {
        var user = await app.CreateUserAsync();

        var token = Craft(await StampedSubjectAsync(user), secret: null, DateTimeOffset.UtcNow.AddMinutes(10));

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
    public async Task WellSignedTokenWhoseSubjectIsNotAUserIdIsUnauthorized()
    {
        var user = await app.CreateUserAsync();
        var (_, stamp) = await StampedSubjectAsync(user);

        var token = Craft(("admin", stamp), TestSettings.JwtSecret, DateTimeOffset.UtcNow.AddMinutes(10));

        Assert.Equal(HttpStatusCode.Unauthorized, await GetTasksStatusAsync(token));
    }

    [Fact]
    public async Task WellSignedTokenForAUserThatDoesNotExistIsUnauthorized()
    {
        var user = await app.CreateUserAsync();
        var (_, stamp) = await StampedSubjectAsync(user);

        var token = Craft((Guid.NewGuid().ToString(), stamp), TestSettings.JwtSecret, DateTimeOffset.UtcNow.AddMinutes(10));

        Assert.Equal(HttpStatusCode.Unauthorized, await GetTasksStatusAsync(token));
    }

    [Fact]
    public async Task WellSignedTokenWithoutTheUsersSecurityStampIsUnauthorized()
    {
        var user = await app.CreateUserAsync();

        var token = Craft((user.UserId.ToString(), null), TestSettings.JwtSecret, DateTimeOffset.UtcNow.AddMinutes(10));

        Assert.Equal(HttpStatusCode.Unauthorized, await GetTasksStatusAsync(token));
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
    private static string Craft((string Subject, string? Stamp) who, string? secret, DateTimeOffset expires)
    {
        var header = secret is null
            ? new Dictionary<string, object> { ["alg"] = "none", ["typ"] = "JWT" }
            : new Dictionary<string, object> { ["alg"] = "HS256", ["typ"] = "JWT" };
        var issuedAt = expires.AddMinutes(-60).ToUnixTimeSeconds();
        var payload = new Dictionary<string, object>
        {
            ["sub"] = who.Subject,
            ["jti"] = Guid.NewGuid().ToString(),
            ["iss"] = TestSettings.JwtIssuer,
            ["aud"] = TestSettings.JwtAudience,
            ["iat"] = issuedAt,
            ["nbf"] = issuedAt,
            ["exp"] = expires.ToUnixTimeSeconds(),
        };

        if (who.Stamp is not null)
        {
            payload[TokenStamps.ClaimType] = who.Stamp;
        }

        var unsigned = $"{Base64Url(JsonSerializer.SerializeToUtf8Bytes(header))}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload))}";
        if (secret is null)
        {
            return unsigned + ".";
        }

        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(unsigned));
        return $"{unsigned}.{Base64Url(signature)}";
    }

    /// <summary>The user's id and the digest of their current security stamp, as the app's own tokens carry them.</summary>
    private async Task<(string Subject, string? Stamp)> StampedSubjectAsync(TestUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var stamp = await users.GetSecurityStampAsync((await users.FindByIdAsync(user.UserId.ToString()))!);
        return (user.UserId.ToString(), TokenStamps.Digest(stamp));
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
