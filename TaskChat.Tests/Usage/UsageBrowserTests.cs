using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Usage;

/// <summary>
/// /usage in Chromium, reached from the user menu: the charts and tables show the fixture's
/// numbers, in both themes and on a phone. The README's pictures of it are made here.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class UsageBrowserTests(BrowserFixture browser, UsageWorld world) : IClassFixture<UsageWorld>
{
    [Fact]
    public async Task UsagePageDrawsTheFixturesNumbersInBothThemesAndOnAPhone()
    {
        // The user's browser is in their zone: the chat page moves the account to the browser's
        // zone, and a browser left in the machine's (UTC) would count the fixture in UTC days.
        await using var context = await browser.NewContextAsync(world.App.ServerAddress, UsageWorld.ZoneId);
        var page = await SignInAsync(context, world.User);
        await page.Locator(".user-menu summary").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Usage" }).ClickAsync();
        await page.WaitForURLAsync("**/usage");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "7 days" })).ToHaveAttributeAsync("aria-current", "page");

        await Expect(page.Locator("#usage-zone")).ToHaveTextAsync(UsageWorld.ZoneId);
        await Expect(page.Locator("#total-turns")).ToHaveTextAsync("7");
        await Expect(page.Locator("#total-tasks-created")).ToHaveTextAsync("3");
        await Expect(page.Locator("#total-tasks-completed")).ToHaveTextAsync("2");
        await Expect(page.Locator("#total-tool-calls")).ToHaveTextAsync("5");

        await ExpectBarAsync(page, "turns-chart", "Turns", world.Yesterday, 3);
        await ExpectBarAsync(page, "turns-chart", "Turns", world.Today, 4);
        await ExpectBarAsync(page, "turns-chart", "Turns", world.Today.AddDays(-2), 0);
        await ExpectBarAsync(page, "tasks-chart", "Created", world.Yesterday, 2);
        await ExpectBarAsync(page, "tasks-chart", "Completed", world.Yesterday, 1);
        await ExpectBarAsync(page, "tasks-chart", "Created", world.Today, 1);
        await Expect(page.Locator("#turns-chart rect.bar")).ToHaveCountAsync(7);

        // Today's four turns stand taller than yesterday's three, drawn to the chart's scale of 4.
        var today = await BarBoxAsync(page, "turns-chart", "Turns", world.Today);
        var yesterday = await BarBoxAsync(page, "turns-chart", "Turns", world.Yesterday);
        Assert.True(today.Height > 0 && yesterday.Height > 0);
        Assert.Equal(4.0 / 3.0, today.Height / yesterday.Height, 2);

        var complete = page.Locator("#tool-calls tr[data-tool='complete_task']");
        await Expect(complete.Locator("[data-field='succeeded']")).ToHaveTextAsync("1");
        await Expect(complete.Locator("[data-field='failed']")).ToHaveTextAsync("1");
        await Expect(page.Locator("#tool-calls tr[data-tool='delete_task'] [data-field='needs_confirmation']")).ToHaveTextAsync("1");
        var modelA = page.Locator($"#models tr[data-model='{UsageWorld.ModelA}']");
        await Expect(modelA.Locator("[data-field='turns']")).ToHaveTextAsync("4");
        await Expect(modelA.Locator("[data-field='input_tokens']")).ToHaveTextAsync("515");
        await Expect(modelA.Locator("[data-field='output_tokens']")).ToHaveTextAsync("28");
        await Expect(modelA.Locator("[data-field='first_token_ms_p95']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[0-9,]+$"));

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await Expect(page.Locator("#turns-chart rect.bar").First).ToHaveCSSAsync("fill", "rgb(79, 70, 229)");
        await SaveAsync(page, "screenshot-usage-light.png");

        await page.Locator("#theme-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(15, 17, 23)");
        await Expect(page.Locator("#turns-chart rect.bar").First).ToHaveCSSAsync("fill", "rgb(129, 140, 248)");
        await Expect(page.Locator("#turns-chart .chart-scale span").First).ToHaveCSSAsync("color", "rgb(152, 162, 179)");
        await SaveAsync(page, "screenshot-usage-dark.png");

        await page.SetViewportSizeAsync(390, 800);
        await Expect(page.Locator("#total-turns")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow} px wider than the phone.");
        var chart = await page.Locator("#turns-chart svg").BoundingBoxAsync();
        Assert.NotNull(chart);
        Assert.True(chart.X >= 0 && chart.X + chart.Width <= 390, $"The chart spans {chart.X}..{chart.X + chart.Width}.");
        await SaveAsync(page, "screenshot-usage-phone.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "30 days" }).ClickAsync();
        await Expect(page.Locator("#total-turns")).ToHaveTextAsync("8");
        await Expect(page.Locator("#turns-chart rect.bar")).ToHaveCountAsync(30);
        await ExpectBarAsync(page, "turns-chart", "Turns", world.TenDaysAgo, 1);
    }

    private static Task ExpectBarAsync(IPage page, string chart, string series, DateOnly date, int value) =>
        Expect(Bar(page, chart, series, date)).ToHaveAttributeAsync("data-value", value.ToString());

    private static async Task<LocatorBoundingBoxResult> BarBoxAsync(IPage page, string chart, string series, DateOnly date) =>
        await Bar(page, chart, series, date).BoundingBoxAsync() ?? throw new InvalidOperationException("The bar is not drawn.");

    private static ILocator Bar(IPage page, string chart, string series, DateOnly date) =>
        page.Locator($"#{chart} rect[data-series='{series}'][data-date='{date:yyyy-MM-dd}']");

    private static async Task SaveAsync(IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync(new()
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name),
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
        });
        if (Environment.GetEnvironmentVariable("TASKCHAT_UPDATE_DOCS") == "1")
        {
            await File.WriteAllBytesAsync(Path.Combine(RepositoryPaths.Root, "docs", name), bytes);
        }
    }
}
