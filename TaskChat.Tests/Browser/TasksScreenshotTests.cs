using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.TasksBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>
/// The README's pictures of the tasks page (light, dark, phone) and of the chat page with its
/// task panel. They go to the test artifacts; with TASKCHAT_UPDATE_DOCS=1 also to docs/.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class TasksScreenshotTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheTasksPageInLightDarkAndOnAPhoneAndTheChatsPanel()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        await AddDatedTasksAsync(api);
        await using var context = await NewContextAsync(browser, app.ServerAddress);
        var page = await ChatBrowser.SignInAsync(context, user);

        await page.GotoAsync("/tasks?view=all");
        await WaitLiveAsync(page);
        await Expect(Rows(page)).ToHaveCountAsync(9);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await SaveAsync(page, "screenshot-tasks.png");

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(15, 17, 23)");
        await SaveAsync(page, "screenshot-tasks-dark.png");

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/tasks?view=today");
        await Expect(Rows(page)).ToHaveCountAsync(2);
        await SaveAsync(page, "screenshot-tasks-phone.png");

        await page.SetViewportSizeAsync(1440, 860);
        await ChatBrowser.SendAsync(await GoToChatAsync(page), "Show me my tasks");
        await ChatBrowser.WaitForRepliesAsync(page, 1);
        await Expect(page.Locator("#task-panel-today li")).ToHaveCountAsync(2);
        await SaveAsync(page, "screenshot-chat-tasks.png");

        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.Locator("#task-panel")).Not.ToBeInViewportAsync();
        await page.Locator("#task-panel-toggle").ClickAsync();
        await Expect(page.Locator("#task-panel")).ToBeInViewportAsync();
        await SaveAsync(page, "chat-phone-tasks.png", docs: false);
    }

    private static async Task<IPage> GoToChatAsync(IPage page)
    {
        await page.GotoAsync("/chat");
        await ChatBrowser.WaitLiveAsync(page);
        return page;
    }

    private static async Task SaveAsync(IPage page, string name, bool docs = true)
    {
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        var bytes = await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name), Animations = ScreenshotAnimations.Disabled, FullPage = name.Contains("phone") && name.StartsWith("screenshot-tasks") });
        if (docs && Environment.GetEnvironmentVariable("TASKCHAT_UPDATE_DOCS") == "1")
        {
            await File.WriteAllBytesAsync(Path.Combine(RepositoryPaths.Root, "docs", name), bytes);
        }
    }
}
