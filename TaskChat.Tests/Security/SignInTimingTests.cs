using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Security;
using Xunit.Abstractions;

namespace TaskChat.Tests.Security;

/// <summary>
/// Account enumeration: a locked account, a wrong password and an unknown email must look the
/// same from outside, in the answer and in the time it takes, on the form and the token endpoint.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed partial class SignInTimingTests(TaskChatApplication app, ITestOutputHelper output) : IClassFixture<TaskChatApplication>
{
    private const int Rounds = 15;

    [Fact]
    public async Task LockedWrongAndUnknownAccountsGetTheSameAnswerInAboutTheSameTime()
    {
        var locked = await app.CreateUserAsync();
        var wrong = await app.CreateUserAsync();
        using var client = app.CreateAnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = locked.Email, password = "not-the-password" });
        }

        var cases = new (string Name, Func<int, (string Email, string Password)> Credentials)[]
        {
            ("locked", _ => (locked.Email, locked.Password)),
            ("wrong password", i => (wrong.Email, $"wrong-password-{i}")),
            ("unknown", i => ($"nobody-{Guid.NewGuid():N}@test.example", $"some-password-{i}")),
        };
        var api = cases.ToDictionary(c => c.Name, _ => new List<double>());
        var form = cases.ToDictionary(c => c.Name, _ => new List<double>());
        var answers = new HashSet<string>();

        await TokenAsync(client, ("warm-up@test.example", "warm-up-password"));
        for (var round = 0; round < Rounds; round++)
        {
            // Interleaved, so that a change in the machine's load falls on every case alike.
            foreach (var (name, credentials) in cases)
            {
                var (elapsed, answer) = await TokenAsync(client, credentials(round));
                api[name].Add(elapsed);
                answers.Add(answer);
            }

            foreach (var (name, credentials) in cases)
            {
                var (elapsed, answer) = await FormAsync(credentials(round));
                form[name].Add(elapsed);
                answers.Add(answer);
            }

            // A right password clears the failed count, so "wrong password" never turns into "locked".
            await TaskChatApplication.GetTokenAsync(client, wrong.Email, wrong.Password);
        }

        foreach (var (door, timings) in new[] { ("POST /api/v1/auth/token", api), ("the sign-in form", form) })
        {
            var medians = timings.ToDictionary(pair => pair.Key, pair => Median(pair.Value));
            output.WriteLine($"{door}, median of {Rounds}: " + string.Join(", ", medians.Select(m => $"{m.Key} {m.Value:0.0} ms")));
            Assert.True(medians.Values.Max() <= 2 * medians.Values.Min(), $"{door}: {string.Join(", ", medians)}");
        }

        Assert.Equal(["401 " + CredentialCheck.Refusal, "200 " + CredentialCheck.Refusal], answers.Order().Reverse());
    }

    private static async Task<(double Elapsed, string Answer)> TokenAsync(HttpClient client, (string Email, string Password) credentials)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = credentials.Email, password = credentials.Password });
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var detail = response.StatusCode == HttpStatusCode.OK ? "a token" : (await response.ReadProblemAsync()).GetProperty("detail").GetString();
        return (elapsed, $"{(int)response.StatusCode} {detail}");
    }

    /// <summary>Times the POST only; the page load that hands out the antiforgery token is not part of the answer.</summary>
    private async Task<(double Elapsed, string Answer)> FormAsync((string Email, string Password) credentials)
    {
        using var client = app.CreateAnonymousClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var page = await client.GetStringAsync("/signin");
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = credentials.Email,
            ["Input.Password"] = credentials.Password,
            ["__RequestVerificationToken"] = token,
        });
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync("/signin", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return (elapsed, $"{(int)response.StatusCode} {(html.Contains(CredentialCheck.Refusal) ? CredentialCheck.Refusal : "something else")}");
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
