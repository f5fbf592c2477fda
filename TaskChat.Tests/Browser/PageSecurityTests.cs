using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>
/// Every page under the Content-Security-Policy, in Chromium: nothing is refused, the theme is
/// applied before first paint from its own file, the chat streams, and no page can be framed.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class PageSecurityTests(BrowserFixture browser)
{
    [Fact]
    public async Task EveryPageWorksUnderThePolicyAndNothingIsRefused()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var refused = new List<string>();
        context.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                refused.Add($"{message.Text} ({message.Location})");
            }
        };
        context.Page += (_, page) => page.PageError += (_, error) => refused.Add(error);

        var anonymous = await context.NewPageAsync();
        foreach (var path in new[] { "/", "/signup", "/signin" })
        {
            await anonymous.GotoAsync(path);
            await Expect(anonymous.Locator("html")).ToHaveClassAsync("js");
        }

        await anonymous.CloseAsync();
        var page = await SignInAsync(context, user);
        await SendAsync(page, "Create a task to renew the passport");
        await WaitForRepliesAsync(page, 1);
        await Expect(LastReply(page).Locator(".tool-card")).ToHaveAttributeAsync("data-status", "succeeded");

        // The theme button (a module) and the early script (a file in the head) still work together.
        var before = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        await page.Locator("#theme-toggle").ClickAsync();
        var chosen = await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme");
        Assert.False(string.IsNullOrEmpty(chosen));
        await page.GotoAsync("/tasks");
        Assert.Equal(chosen, await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
        Assert.NotEqual(before, await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        await Expect(page.Locator("#task-list li.task")).ToContainTextAsync("Renew the passport");

        await page.GotoAsync("/account");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change password" })).ToBeVisibleAsync();

        Assert.True(refused.Count == 0, "The browser reported: " + string.Join(" | ", refused));
    }

    [Fact]
    public async Task ASignedInChatPageCannotBeFramedByAnotherPage()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        await SignInAsync(context, user);
        var chat = new Uri(app.ServerAddress, "/chat").ToString();

        // The app's real response passes through; the control run strips the two framing headers,
        // to show that they (and not something else) are what keeps the page out of the frame.
        var stripFramingHeaders = false;
        await context.RouteAsync(chat, async route =>
        {
            var real = await route.FetchAsync();
            var headers = real.Headers.Where(header => !stripFramingHeaders
                || header.Key is not ("content-security-policy" or "x-frame-options")).ToDictionary();
            await route.FulfillAsync(new() { Response = real, Headers = headers });
        });

        Assert.Equal(0, await ComposersInFrameAsync(context, chat));
        stripFramingHeaders = true;
        Assert.Equal(1, await ComposersInFrameAsync(context, chat));
    }

    /// <summary>A page of another origin on the same site (127.0.0.1), so the cookie rides along, that frames <paramref name="url"/>.</summary>
    private static async Task<int> ComposersInFrameAsync(IBrowserContext context, string url)
    {
        var attacker = await context.NewPageAsync();
        await attacker.RouteAsync("http://127.0.0.1:1/**", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = $"<iframe id=\"victim\" src=\"{url}\" width=\"800\" height=\"600\"></iframe>",
        }));
        await attacker.GotoAsync("http://127.0.0.1:1/attack", new() { WaitUntil = WaitUntilState.Load });
        await attacker.WaitForTimeoutAsync(1000);
        var frame = attacker.Frames.Single(f => f != attacker.MainFrame);
        var count = await frame.Locator("#composer").CountAsync();
        await attacker.CloseAsync();
        return count;
    }
}
