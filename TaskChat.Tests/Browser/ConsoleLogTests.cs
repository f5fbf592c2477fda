using System.Text.RegularExpressions;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>
/// What an operator reads after an ordinary session: one clean line per event, no routine
/// static-file lines, and no error for a tab that went away mid-request.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed partial class ConsoleLogTests(BrowserFixture browser)
{
    [Fact]
    public async Task AnOrdinarySessionLogsCleanLinesAndNoErrors()
    {
        await using var database = TestDatabase.CreateSqlite();
        var environment = new Dictionary<string, string?>(database.EnvironmentVariables) { ["Assistant__Offline__TokenDelayMs"] = "20" };
        await using var app = await AppProcess.StartAsync(environment);
        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();

        var (email, password) = TestUser.NewCredentials();
        await page.GotoAsync("/signup");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync(ChatUrl());
        await WaitLiveAsync(page);
        string[] messages = ["Add buy milk to my list", "Add call the plumber", "Show me my tasks"];
        for (var i = 0; i < messages.Length; i++)
        {
            await SendAsync(page, messages[i]);
            await WaitForRepliesAsync(page, i + 1);
        }

        await page.ReloadAsync();
        await WaitLiveAsync(page);

        // A tab closing during a request: the browser drops a slow reply half-way.
        await page.EvaluateAsync("""
            async () => {
                const stop = new AbortController();
                const request = fetch('/api/v1/chat', { method: 'POST', signal: stop.signal,
                    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ message: 'Show me my tasks' }) });
                setTimeout(() => stop.abort(), 40);
                await request.catch(() => {});
            }
            """);
        // And a tab really closed while its request runs.
        var closing = await context.NewPageAsync();
        await closing.GotoAsync("/tasks");
        await closing.EvaluateAsync("""
            () => { fetch('/api/v1/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ message: 'Show me my tasks' }) }); }
            """);
        await Task.Delay(40);
        await closing.CloseAsync();
        using (var probe = new HttpClient { BaseAddress = app.BaseAddress })
        {
            (await probe.GetAsync("/health/ready")).EnsureSuccessStatusCode();
        }

        await Task.Delay(TimeSpan.FromSeconds(2));

        var lines = app.Output.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToList();
        Assert.Contains(lines, line => line.Contains("HTTP POST /signup responded 302", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.EndsWith("{}", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => StaticFileLine().IsMatch(line));
        Assert.DoesNotContain(lines, line => HealthProbeLine().IsMatch(line));
        var errors = lines.Where(line => line.Contains(" ERR]", StringComparison.Ordinal) || line.Contains(" FTL]", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [GeneratedRegex(@" INF\] .*HTTP GET /\S+\.(css|js|ico|png|svg|map)\b")]
    private static partial Regex StaticFileLine();

    [GeneratedRegex(@" INF\] .*HTTP GET /health")]
    private static partial Regex HealthProbeLine();
}
