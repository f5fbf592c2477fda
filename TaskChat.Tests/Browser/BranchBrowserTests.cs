using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>Edit, regenerate, "‹ 1/2 ›" and copy in Chromium; the chosen branch survives a reload.</summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class BranchBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task EditRegenerateSwitchAndCopyAndTheBranchSurvivesAReload()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await SignInAsync(context, user);
        var questions = page.Locator("#messages li.message.user");

        await SendAsync(page, "Create a task to buy milk");
        await WaitForRepliesAsync(page, 1);
        await SendAsync(page, "Create a task to call mom");
        await WaitForRepliesAsync(page, 2);

        // Edit the second question: a new branch streams in its place.
        var second = questions.Nth(1);
        await second.HoverAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Edit message" }).ClickAsync();
        var box = second.GetByRole(AriaRole.Textbox, new() { Name = "Edit message" });
        await Expect(second.Locator(".edit-hint")).ToContainTextAsync("Tasks already changed stay as they are");
        await box.FillAsync("Create a task to pay rent");
        await box.PressAsync("Enter");
        await Expect(LastReply(page)).ToContainTextAsync("Pay rent", new() { Timeout = ReplyTimeout });
        await WaitForRepliesAsync(page, 2);
        await Expect(questions.Locator(".text")).ToHaveTextAsync((string[])["Create a task to buy milk", "Create a task to pay rent"]);
        await Expect(questions.Nth(1).Locator(".branch-position")).ToHaveTextAsync("2/2", new() { Timeout = ReplyTimeout });
        await DocsScreenshot.SaveAsync(page, "screenshot-branches.png");

        // The export menu of a conversation this page started downloads the branch shown.
        await page.Locator("#export-menu summary").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Markdown (this branch)" }).ClickAsync());
        var exported = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Equal("buy-milk.md", download.SuggestedFilename);
        Assert.Contains("Create a task to pay rent", exported);
        Assert.DoesNotContain("call mom", exported);
        await page.Locator("#export-menu summary").ClickAsync();

        // ‹ goes back to the first version, and a reload keeps it.
        await questions.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Previous version" }).ClickAsync();
        await Expect(questions.Nth(1).Locator(".text")).ToHaveTextAsync("Create a task to call mom");
        await Expect(questions.Nth(1).Locator(".branch-position")).ToHaveTextAsync("1/2");
        await page.ReloadAsync();
        await WaitLiveAsync(page);
        await Expect(questions.Nth(1).Locator(".text")).ToHaveTextAsync("Create a task to call mom");
        Assert.Equal("Create a task to call mom", (await MessagesAsync(api, ConversationIdOf(page)))[2].Content);

        // Regenerate the last reply: a second version beside it.
        var last = LastReply(page);
        await last.HoverAsync();
        await last.GetByRole(AriaRole.Button, new() { Name = "Regenerate reply" }).ClickAsync();
        await Expect(LastReply(page).Locator(".branch-position")).ToHaveTextAsync("2/2", new() { Timeout = ReplyTimeout });
        await WaitForRepliesAsync(page, 2);
        Assert.Equal(4, (await MessagesAsync(api, ConversationIdOf(page))).Count);

        // Copy puts the message's text on the clipboard.
        var first = questions.First;
        await first.HoverAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Copy message" }).ClickAsync();
        Assert.Equal("Create a task to buy milk", await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task RegenerateIsOfferedAfterStop()
    {
        await using var app = await TaskChatApplication.StartAsync(new Dictionary<string, string?> { ["Assistant:Offline:TokenDelayMs"] = "60" });
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        await SlowReplies.AddTasksAsync(api);
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);

        await SendAsync(page, SlowReplies.Prompt);
        await Expect(LastReply(page).Locator(".content")).Not.ToBeEmptyAsync(new() { Timeout = ReplyTimeout });
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();
        await Expect(LastReply(page)).ToHaveAttributeAsync("data-status", "cancelled", new() { Timeout = ReplyTimeout });
        await WaitForRenderedAsync(LastReply(page));
        var stopped = await LastReply(page).Locator(".content").InnerTextAsync();

        await LastReply(page).HoverAsync();
        await LastReply(page).GetByRole(AriaRole.Button, new() { Name = "Regenerate reply" }).ClickAsync();
        await Expect(LastReply(page).Locator(".branch-position")).ToHaveTextAsync("2/2", new() { Timeout = ReplyTimeout });
        await Expect(LastReply(page)).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = ReplyTimeout });

        await LastReply(page).GetByRole(AriaRole.Button, new() { Name = "Previous version" }).ClickAsync();
        await Expect(LastReply(page)).ToHaveAttributeAsync("data-status", "cancelled");
        Assert.Equal(Squash(stopped), Squash(await LastReply(page).Locator(".content").InnerTextAsync()));
    }
}
