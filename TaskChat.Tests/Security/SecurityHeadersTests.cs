using System.Net;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Security;

/// <summary>Every response of every page, signed in or not, carries the browser-side defences.</summary>
public sealed class SecurityHeadersTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    public static readonly string[] SignedOutPaths = ["/", "/signin", "/signup", "/no-such-page", "/health/live", "/js/theme.js", "/css/site.css"];

    public static readonly string[] SignedInPaths = ["/chat", "/tasks", "/account", "/api/v1/tasks", "/api/v1/me/data"];

    [Fact]
    public async Task EveryPageAndResourceCarriesTheHeaders()
    {
        var user = await app.CreateUserAsync();
        using var session = new PageSession(app.ServerAddress);
        foreach (var path in SignedOutPaths)
        {
            using var response = await session.GetAsync(path);
            AssertHeaders(path, response);
        }

        using var signIn = await session.SubmitFormAsync("/signin", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        AssertHeaders("POST /signin", signIn);
        foreach (var path in SignedInPaths)
        {
            using var response = await session.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} returned {(int)response.StatusCode}");
            AssertHeaders(path, response);
        }
    }

    [Fact]
    public async Task ErrorAndRefusedResponsesCarryTheHeadersToo()
    {
        using var client = app.CreateAnonymousClient();

        using var unauthorized = await client.GetAsync("/api/v1/tasks");
        using var redirect = await client.GetAsync("/chat");
        using var badForm = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        AssertHeaders("401", unauthorized);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        AssertHeaders("redirect", redirect);
        Assert.Equal(HttpStatusCode.BadRequest, badForm.StatusCode);
        AssertHeaders("antiforgery 400", badForm);
    }

    internal static void AssertHeaders(string what, HttpResponseMessage response)
    {
        var csp = Header(response, "Content-Security-Policy");
        Assert.True(csp is not null, $"{what}: no Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
