using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>
/// The README's pictures, made from a real conversation: the chat in light and dark, and the
/// tasks page after it. They go to the test artifacts; with TASKCHAT_UPDATE_DOCS=1 the chat's also to docs/.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class ScreenshotTests(BrowserFixture browser)
{
    [Fact]
    public async Task ChatInLightAndDarkAndTheTasksPage()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);
        await Expect(page.Locator("#start-screen")).ToBeVisibleAsync();
        await SaveAsync(page, "chat-start.png", docs: false);

        string[] prompts =
        [
            "Create a task to buy groceries",
            "Add call the dentist to my list",
            "Remind me to water the plants",
            "Mark task 1 as complete",
            "Show me my tasks",
            "Delete task 2",
        ];
        for (var i = 0; i < prompts.Length; i++)
        {
            await SendAsync(page, prompts[i]);
            await WaitForRepliesAsync(page, i + 1);
        }

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Confirm" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await WaitLiveAsync(page);
        await page.EvaluateAsync("() => document.getElementById('chat-scroll').scrollTop = 1e9");
        await page.EvaluateAsync("() => document.activeElement?.blur()");

        // With no choice made, the system's preference decides; the toggle then overrides it.
        await Expect(page.Locator("html")).Not.ToHaveAttributeAsync("data-theme", new Regex("."));
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(15, 17, 23)");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(246, 247, 251)");
        await SaveAsync(page, "screenshot-chat-light.png");

        await page.Locator("#theme-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(15, 17, 23)");
        await Expect(page.Locator(".message.user .bubble").First).ToHaveCSSAsync("color", "rgb(255, 255, 255)");
        await SaveAsync(page, "screenshot-chat-dark.png");

        await page.SetViewportSizeAsync(390, 760);
        await page.EvaluateAsync("() => document.getElementById('chat-scroll').scrollTop = 1e9");
        await SaveAsync(page, "screenshot-chat-phone.png");
        await page.Locator("#sidebar-toggle").ClickAsync();
        await Expect(page.Locator("#chat-sidebar")).ToBeInViewportAsync();
        await SaveAsync(page, "chat-phone-sidebar.png", docs: false);
        await page.Locator("#sidebar-backdrop").ClickAsync(new() { Position = new() { X = 370, Y = 300 } });
        await Expect(page.Locator("#chat-sidebar")).Not.ToBeInViewportAsync();
        await page.SetViewportSizeAsync(1280, 800);

        await page.Locator("#theme-toggle").ClickAsync();
        // The open tasks (the completed one is under Done); TasksScreenshotTests makes the README's pictures of this page.
        await page.GotoAsync("/tasks");
        await Expect(page.Locator("#task-list li.task")).ToHaveCountAsync(2);
        await SaveAsync(page, "tasks-after-chat.png", docs: false);
    }

    private static async Task SaveAsync(IPage page, string name, bool docs = true)
    {
        // Finished transitions: a picture of where things end up, not of them moving.
        var bytes = await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name), Animations = ScreenshotAnimations.Disabled });
        if (docs && Environment.GetEnvironmentVariable("TASKCHAT_UPDATE_DOCS") == "1")
        {
            await File.WriteAllBytesAsync(Path.Combine(RepositoryPaths.Root, "docs", name), bytes);
        }
    }
}
