using System.Net;
using System.Text.RegularExpressions;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Infrastructure.Clients;

/// <summary>
/// A browser-like HTTP session for the Razor Pages: it keeps cookies and submits a page's form
/// with the antiforgery token the page rendered, as a person's browser would. Redirects are
/// not followed, so a test sees where a form sends the person.
/// </summary>
public sealed partial class PageSession : IDisposable
{
    private readonly HttpClient client;

    public PageSession(Uri baseAddress)
    {
        client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = Cookies })
        {
            BaseAddress = baseAddress,
            Timeout = TestSettings.Timeout,
        };
    }

    public CookieContainer Cookies { get; } = new();

    public bool HasCookie(string name) => Cookies.GetAllCookies().Any(cookie => cookie.Name == name);

    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(path);

    public Task<string> GetStringAsync(string path) => client.GetStringAsync(path);

    /// <summary>
    /// Loads <paramref name="path"/>, reads its antiforgery token and posts <paramref name="fields"/>
    /// back, to the page itself or to the form's <paramref name="action"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string path, IReadOnlyDictionary<string, string> fields, string? action = null)
    {
        using var page = await client.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {path} returned {(int)page.StatusCode}");
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"{path} rendered no antiforgery token.");

        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(action ?? path, new FormUrlEncodedContent(form));
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
