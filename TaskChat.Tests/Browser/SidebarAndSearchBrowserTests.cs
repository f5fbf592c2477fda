using System.Net.Http.Json;
using Microsoft.Playwright;
using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>The sidebar at scale (headings in the user's zone, infinite scroll, pins) and Ctrl+K search.</summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class SidebarAndSearchBrowserTests(BrowserFixture browser)
{
    private const string Zone = "Pacific/Kiritimati";

    [Fact]
    public async Task TheSidebarIsGroupedByDayInTheUsersZoneLoadsMoreOnScrollAndPinsToTheTop()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        (await api.PatchAsJsonAsync("/api/v1/me", new { time_zone = Zone })).EnsureSuccessStatusCode();

        // Minutes after midnight in the user's zone (UTC+14): still the day before in UTC.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var localMidnight = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date;
        var startOfToday = TimeZoneInfo.ConvertTimeToUtc(localMidnight, zone);
        for (var i = 0; i < 60; i++)
        {
            await ConversationSeeder.AddAsync(app, user.UserId, $"Old errand {i:00}", ["hi", "hello"], startOfToday.AddDays(-40 - i));
        }

        await ConversationSeeder.AddAsync(app, user.UserId, "Three days ago", ["hi", "hello"], startOfToday.AddDays(-3));
        await ConversationSeeder.AddAsync(app, user.UserId, "Yesterday's plan", ["hi", "hello"], startOfToday.AddDays(-1).AddMinutes(1));
        var today = await ConversationSeeder.AddAsync(app, user.UserId, "Early today", ["hi", "hello"], startOfToday.AddMinutes(1));

        // A browser in the same zone: the chat page moves the account to the browser's zone otherwise.
        await using var context = await TasksBrowser.NewContextAsync(browser, app.ServerAddress, Zone);
        var page = await SignInAsync(context, user);
        var headings = page.Locator("#conversation-list li.conversation-group");
        var items = page.Locator("#conversation-list li.conversation");

        await Expect(headings).ToHaveTextAsync((string[])["Today", "Yesterday", "Previous 7 days", "Older"]);
        await Expect(page.Locator("#conversation-list li.conversation[data-group=today] a")).ToHaveTextAsync("Early today");
        await Expect(items).ToHaveCountAsync(50);
        await DocsScreenshot.SaveAsync(page, "screenshot-sidebar.png");

        await page.Locator("#conversation-list li.conversation-more").ScrollIntoViewIfNeededAsync();
        await Expect(items).ToHaveCountAsync(63);
        await Expect(headings).ToHaveCountAsync(4);
        await Expect(items.Last.Locator("a")).ToHaveTextAsync("Old errand 59");

        // The message times are in the same zone, on hover.
        await page.GotoAsync($"/chat/{today.Id}");
        Assert.EndsWith($"({Zone})", await page.Locator("#messages time.message-time").First.GetAttributeAsync("title"));

        var pinned = page.Locator("#conversation-list li.conversation", new() { HasText = "Three days ago" });
        await pinned.HoverAsync();
        await pinned.GetByRole(AriaRole.Button, new() { Name = "Pin conversation" }).ClickAsync();
        await Expect(headings.First).ToHaveTextAsync("Pinned");
        await Expect(items.First.Locator("a")).ToHaveTextAsync("Three days ago");
        await page.ReloadAsync();
        await Expect(items.First.Locator("a")).ToHaveTextAsync("Three days ago");
    }

    [Fact]
    public async Task CtrlKSearchesEveryConversationAndJumpsToTheMessage()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var texts = Enumerable.Range(0, 120).Select(i => $"Line {i} about the weekly groceries").ToList();
        texts[6] = "Book the xylophone lesson for Friday afternoon";
        var deep = await ConversationSeeder.AddAsync(app, user.UserId, "Music school", texts);
        await ConversationSeeder.AddAsync(app, user.UserId, "Errands", ["Buy bread", "Added."]);
        await ConversationSeeder.AddAsync(app, other.UserId, "Their xylophone", ["My xylophone notes", "Noted."]);

        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);
        await page.Keyboard.PressAsync("Control+k");
        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search conversations" });
        await Expect(search).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("xylo");

        var results = page.Locator("#search-results li.search-result");
        await Expect(results).ToHaveCountAsync(1);
        await Expect(results.First.Locator(".search-title")).ToHaveTextAsync("Music school");
        await Expect(results.First.Locator("mark")).ToHaveTextAsync("xylophone");
        await DocsScreenshot.SaveAsync(page, "screenshot-search.png");

        await results.First.Locator("a").ClickAsync();
        var found = page.Locator($"#m-{deep.Messages[6].Id}");
        await Expect(found).ToBeVisibleAsync();
        await Expect(found).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("highlight"));
        await Expect(found.Locator(".text")).ToHaveTextAsync("Book the xylophone lesson for Friday afternoon");
    }
}
