using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.TasksBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>
/// A change made anywhere shows on every open page of that user within a second, without a
/// reload: the chat's assistant and the /tasks page in two tabs, over the tasks hub.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class TasksLiveTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToBeVisibleOptions WithinASecond = new() { Timeout = 1000 };

    [Fact]
    public async Task ATaskAddedInTheChatAppearsOnAnOpenTasksPageInAnotherTabWithinASecond()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        await using var context = await NewContextAsync(browser, app.ServerAddress);
        var chat = await ChatBrowser.SignInAsync(context, user);
        var tasks = await context.NewPageAsync();
        await tasks.GotoAsync("/tasks");
        await WaitLiveAsync(tasks);
        await Expect(tasks.Locator(".empty")).ToBeVisibleAsync();
        // Anything a reload would lose: it must still be there at the end.
        await tasks.EvaluateAsync("() => window.notReloaded = true");
        await RecordWhenAsync(tasks, "Buy groceries");

        await ChatBrowser.SendAsync(chat, "Create a task to buy groceries");
        var card = ChatBrowser.LastReply(chat).Locator(".tool-card[data-status=succeeded]");
        await Expect(card).ToBeVisibleAsync();
        var cardShownAt = await chat.EvaluateAsync<double>("() => Date.now()");

        await Expect(Row(tasks, 1)).ToBeVisibleAsync(WithinASecond);
        await Expect(Row(tasks, 1)).ToContainTextAsync("Buy groceries");
        var rowShownAt = await tasks.EvaluateAsync<double>("() => window.shownAt");
        Assert.True(rowShownAt - cardShownAt < 1000, $"The row showed {rowShownAt - cardShownAt} ms after the chat's card.");
        Assert.True(await tasks.EvaluateAsync<bool>("() => window.notReloaded === true"), "The tasks page was reloaded.");
        await Expect(tasks.Locator(".views .view[data-view=all] .count")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task ATaskCompletedOnTheTasksPageLeavesTheChatPagesPanelWithinASecond()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        var today = TasksBrowser.Iso(DateOnly.FromDateTime(DateTime.UtcNow));
        await api.CreateTaskAsync(new { title = "Call mom", due_date = today });
        await api.CreateTaskAsync(new { title = "Pay rent", due_date = today });
        await using var context = await NewContextAsync(browser, app.ServerAddress);
        var chat = await ChatBrowser.SignInAsync(context, user);
        await Expect(chat.Locator("#task-panel-today li")).ToHaveCountAsync(2);
        await Expect(chat.Locator("#task-panel-count")).ToHaveTextAsync("2");
        await WaitLiveAsync(chat);
        var tasks = await context.NewPageAsync();
        await tasks.GotoAsync("/tasks?view=today");
        await WaitLiveAsync(tasks);

        await Row(tasks, 1).GetByRole(AriaRole.Button, new() { Name = "Complete task 1" }).ClickAsync();

        await Expect(chat.Locator("#task-panel-today li")).ToHaveCountAsync(1, new() { Timeout = 1000 });
        await Expect(chat.Locator("#task-panel-today")).ToContainTextAsync("Pay rent");
        await Expect(chat.Locator("#task-panel-today")).Not.ToContainTextAsync("Call mom");
        await Expect(chat.Locator("#task-panel-count")).ToHaveTextAsync("1");
        await Expect(chat.Locator("#task-panel-toggle .count")).ToHaveTextAsync("1");
        // The tasks page itself moved it out of Today at once, offering Undo.
        await Expect(Rows(tasks)).ToHaveCountAsync(1);
        await Expect(tasks.Locator("#undo-bar")).ToContainTextAsync("Completed task 1");
    }

    [Fact]
    public async Task AChangeThroughTheApiShowsOnTheTasksPageWithoutAReload()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        await api.CreateTaskAsync("Water the plants");
        await using var context = await NewContextAsync(browser, app.ServerAddress);
        var page = await ChatBrowser.SignInAsync(context, user);
        await page.GotoAsync("/tasks?view=all");
        await WaitLiveAsync(page);

        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        using var patched = await api.PatchAsync("/api/v1/tasks/1", System.Net.Http.Json.JsonContent.Create(
            new { due_date = TasksBrowser.Iso(tomorrow), priority = "high", list = "Home" }));
        patched.EnsureSuccessStatusCode();

        await Expect(Row(page, 1).Locator(".due")).ToHaveTextAsync(new Regex("^\\s*Tomorrow\\s*$"), new() { Timeout = 1000 });
        await Expect(Row(page, 1).Locator(".priority.high")).ToBeVisibleAsync();
        await Expect(Row(page, 1).Locator(".chip")).ToHaveTextAsync("#Home");
        await Expect(page.Locator(".views .view.list")).ToHaveTextAsync(new Regex("#Home\\s*1"));
    }

    /// <summary>Notes in the page the moment a row with this text appears.</summary>
    private static Task RecordWhenAsync(IPage page, string text) => page.EvaluateAsync("""
        (text) => {
            const view = document.getElementById('task-view');
            new MutationObserver(() => {
                if (!window.shownAt && [...view.querySelectorAll('li.task')].some(li => li.textContent.includes(text))) window.shownAt = Date.now();
            }).observe(view, { subtree: true, childList: true });
        }
        """, text);
}
