using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>The pages work from the keyboard and with a finger: focus, Tab order, the skip link, touch targets.</summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class KeyboardAndTouchTests(BrowserFixture browser)
{
    private const string ActiveElement = """
        () => { const e = document.activeElement; return e === document.body || !e ? 'body' : (e.id || e.name || e.textContent.trim()); }
        """;

    [Fact]
    public async Task AfterConfirmAndAfterCancelFocusIsInTheMessageBox()
    {
        await using var world = await SignedInPage.StartAsync(browser, "Buy milk", "Call mom");
        var page = world.Page;

        var replies = 0;
        foreach (var (number, button) in ((int, string)[])[(1, "Confirm"), (2, "Cancel")])
        {
            await SendAsync(page, $"Delete task {number}");
            await WaitForRepliesAsync(page, ++replies);
            // As a keyboard user answers: Tab to the button, then Enter.
            await LastReply(page).GetByRole(AriaRole.Button, new() { Name = button }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await WaitForRepliesAsync(page, ++replies);
            await Expect(page.Locator("#messages .tool-confirm")).ToHaveCountAsync(0);
            Assert.Equal("composer-text", await page.EvaluateAsync<string>(ActiveElement));
        }
    }

    [Fact]
    public async Task TheTasksFormTabsInTheOrderATaskIsWritten()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);
        await page.GotoAsync("/tasks");

        await page.GetByLabel("New task title").FocusAsync();
        var order = new List<string> { await page.EvaluateAsync<string>(ActiveElement) };
        // A date input takes one Tab per part (day, month, year), so count distinct fields.
        for (var i = 0; i < 12 && order[^1] != "Add task"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var now = await page.EvaluateAsync<string>(ActiveElement);
            if (now != order[^1])
            {
                order.Add(now);
            }
        }

        Assert.Equal(["newTitle", "newDescription", "newDueDate", "newPriority", "newList", "Add task"], order);
    }

    [Fact]
    public async Task EveryPageStartsWithASkipLinkThatGoesPastTheHeader()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var visitor = await context.NewPageAsync();
        foreach (var path in (string[])["/", "/signin", "/signup", "/no-such-page"])
        {
            await CheckSkipLinkAsync(visitor, path, "content");
        }

        var page = await SignInAsync(context, user);
        await SendAsync(page, "Add buy milk to my list");
        await WaitForRepliesAsync(page, 1);
        await CheckSkipLinkAsync(page, page.Url, "composer-text");
        foreach (var path in (string[])["/tasks", "/account", "/usage"])
        {
            await CheckSkipLinkAsync(page, path, "content");
        }
    }

    private static async Task CheckSkipLinkAsync(IPage page, string path, string target)
    {
        await page.GotoAsync(path);
        // The page's own scripts have run (the tasks page syncs its time zone, the chat connects).
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        Assert.True(await page.EvaluateAsync<bool>("""
            () => document.querySelector('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')?.classList.contains('skip-link')
            """), $"{path}: the skip link is not the first Tab stop.");
        // Sign-in and sign-up put the cursor in the email field; elsewhere the first Tab reaches the link.
        if (await page.EvaluateAsync<string>(ActiveElement) == "body")
        {
            await page.Keyboard.PressAsync("Tab");
            var first = await page.EvaluateAsync<string>(ActiveElement);
            Assert.True(first == "Skip to content", $"{path}: the first Tab went to {first}.");
        }
        else
        {
            await skip.FocusAsync();
        }

        await Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(target, await page.EvaluateAsync<string>(ActiveElement));
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('main')"), $"{path}: Tab after the skip link left the content.");
    }

    [Fact]
    public async Task OnAPhoneEveryConversationsActionsShowAndAreFingerSized()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        await using var desktop = await browser.NewContextAsync(app.ServerAddress);
        var setup = await SignInAsync(desktop, user);
        foreach (var text in (string[])["Add buy milk to my list", "Add call mom to my list"])
        {
            await setup.GotoAsync("/chat?new=1");
            await WaitLiveAsync(setup);
            await SendAsync(setup, text);
            await WaitForRepliesAsync(setup, 1);
        }

        await using var phone = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = app.ServerAddress.ToString(), ViewportSize = new() { Width = 390, Height = 844 }, HasTouch = true, IsMobile = true,
        });
        phone.SetDefaultTimeout((float)TestSettings.Timeout.TotalMilliseconds);
        var page = await SignInAsync(phone, user);
        await page.Locator("#sidebar-toggle").TapAsync();
        // Wholly in view: the sidebar slides in, and a box measured mid-slide starts left of the screen.
        await Expect(page.Locator("#chat-sidebar")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(page.Locator("#conversation-list li.conversation")).ToHaveCountAsync(2);

        foreach (var button in await page.Locator("#conversation-list .conversation-actions button").AllAsync())
        {
            Assert.Equal("1", await button.EvaluateAsync<string>("b => getComputedStyle(b.parentElement).opacity"));
            var box = (await button.BoundingBoxAsync())!;
            // Layout rounds to fractions of a pixel (43.99998 for 44).
            Assert.True(Math.Round(box.Width) >= 44 && Math.Round(box.Height) >= 44, $"A conversation action is {box.Width}×{box.Height} px.");
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"A conversation action is off the screen at x = {box.X}.");
        }

        // A conversation that is not the open one can be deleted with taps alone.
        var other = page.Locator("#conversation-list li.conversation:not(.current)").First;
        await other.Locator("[data-action=delete]").TapAsync();
        await other.Locator("[data-action=delete-yes]").TapAsync();
        await Expect(page.Locator("#conversation-list li.conversation")).ToHaveCountAsync(1);
    }
}
