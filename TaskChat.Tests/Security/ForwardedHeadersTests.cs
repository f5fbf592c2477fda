using System.Net;
using System.Text.RegularExpressions;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Security;

/// <summary>
/// Behind a TLS-terminating proxy the app sees plain HTTP; the auth cookie must still be
/// Secure, because the proxy says X-Forwarded-Proto: https. Only a configured proxy is believed.
/// </summary>
public sealed partial class ForwardedHeadersTests
{
    [Fact]
    public async Task TheAuthCookieIsSecureBehindAConfiguredProxySendingHttps()
    {
        await using var app = await TaskChatApplication.StartAsync(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        });

        var cookie = await SignInThroughProxyAsync(app);

        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForwardedHeadersFromAnAddressThatIsNotAConfiguredProxyAreIgnored()
    {
        await using var app = await TaskChatApplication.StartAsync(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.20.30.40",
        });

        var cookie = await SignInThroughProxyAsync(app);

        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnUnreadableProxyAddressStopsStartUpWithASentence()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TaskChatApplication.StartAsync(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "proxy.local",
        }));

        Assert.Contains("ForwardedHeaders:KnownProxies has 'proxy.local'", failure.ToString());
    }

    /// <summary>Signs in as a proxy would relay it: every request from 127.0.0.1 with X-Forwarded-Proto: https.</summary>
    private static async Task<string> SignInThroughProxyAsync(TaskChatApplication app)
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAnonymousClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

        using var get = new HttpRequestMessage(HttpMethod.Get, "/signin");
        get.Headers.Add("X-Forwarded-Proto", "https");
        using var page = await client.SendAsync(get);
        var html = await page.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(html).Groups[1].Value);
        var antiforgeryCookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(value => value.Split(';')[0]));

        using var post = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = user.Email,
                ["Input.Password"] = user.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("X-Forwarded-Proto", "https");
        post.Headers.Add("Cookie", antiforgeryCookie);
        using var signedIn = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), value => value.StartsWith("taskchat.auth=", StringComparison.Ordinal));
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
