using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.TasksBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>The /tasks page as a person uses it: views, adding with shortcuts, editing, deleting (asked first) and Undo.</summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class TasksPageBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task DeleteAsksFirstAndUndoBringsTheTaskBackWithItsNumber()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        await api.CreateTaskAsync("Water the plants");
        await api.CreateTaskAsync(new { title = "Call the bank", due_date = "2030-01-15", priority = "high", list = "Errands" });
        await api.CreateTaskAsync("Renew the passport");
        await using var context = await NewContextAsync(browser, app.ServerAddress);
        var page = await ChatBrowser.SignInAsync(context, user);
        await page.GotoAsync("/tasks");
        await WaitLiveAsync(page);

        await Row(page, 2).GetByRole(AriaRole.Link, new() { Name = "Delete task 2" }).ClickAsync();

        var question = Row(page, 2).Locator(".task-confirm");
        await Expect(question).ToBeVisibleAsync();
        await Expect(question).ToContainTextAsync("Delete task 2, “Call the bank”?");
        Assert.Equal(3, (await api.ListTasksAsync()).Count);

        // Keep backs out; nothing is deleted.
        await question.GetByRole(AriaRole.Link, new() { Name = "Keep" }).ClickAsync();
        await Expect(question).ToBeHiddenAsync();
        Assert.Equal(3, (await api.ListTasksAsync()).Count);

        await Row(page, 2).GetByRole(AriaRole.Link, new() { Name = "Delete task 2" }).ClickAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await Expect(Row(page, 2)).ToHaveCountAsync(0);
        Assert.Equal([1, 3], (await api.ListTasksAsync()).Select(t => t.Number).Order());
        var undo = page.Locator("#undo-bar");
        await Expect(undo).ToContainTextAsync("Deleted task 2, “Call the bank”.");
        await undo.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();

        await Expect(Row(page, 2)).ToContainTextAsync("#2Call the bank");
        await Expect(Row(page, 2).Locator(".chip")).ToHaveTextAsync("#Errands");
        var back = Assert.Single(await api.ListTasksAsync(), t => t.Number == 2);
        Assert.Equal(("Call the bank", "2030-01-15", "high", "Errands"), (back.Title, back.DueDate, back.Priority, back.List));

        // The Undo goes away by itself after a few seconds.
        await Row(page, 3).GetByRole(AriaRole.Button, new() { Name = "Complete task 3" }).ClickAsync();
        await Expect(undo).ToContainTextAsync("Completed task 3");
        await Expect(undo).ToHaveCountAsync(0, new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task TheViewsShowTheRightTasksForDueDatesAroundToday()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        await AddDatedTasksAsync(api);
        await using var context = await NewContextAsync(browser, app.ServerAddress);
        var page = await ChatBrowser.SignInAsync(context, user);

        var expected = new (string View, string[] Titles)[]
        {
            ("today", ["Finish the report", "Call mom"]),
            ("overdue", ["Renew passport", "Return library books"]),
            ("upcoming", ["Buy milk", "Team offsite"]),
            ("all", ["Renew passport", "Return library books", "Finish the report", "Call mom", "Buy milk", "Team offsite", "Dentist", "Eggs", "Learn the guitar"]),
            ("done", ["Pay rent"]),
        };
        foreach (var (view, titles) in expected)
        {
            await page.GotoAsync($"/tasks?view={view}");
            Assert.Equal(titles, (await TitlesAsync(page)).Select(t => Regex.Replace(t, "^#\\d+", "")));
            await Expect(page.Locator($".views .view[data-view={view}] .count")).ToHaveTextAsync(titles.Length.ToString());
        }

        await page.GotoAsync("/tasks?view=list&list=SHOPPING");
        Assert.Equal(["Buy milk", "Eggs"], (await TitlesAsync(page)).Select(t => Regex.Replace(t, "^#\\d+", "")));
        await Expect(page.Locator("#view-title")).ToHaveTextAsync("Shopping");

        // What people read: human dates, overdue in red, priority marks, list chips.
        await page.GotoAsync("/tasks?view=all");
        await Expect(Row(page, 2).Locator(".due")).ToHaveTextAsync(new Regex("^\\s*Yesterday · overdue\\s*$"));
        await Expect(Row(page, 2).Locator(".due")).ToHaveCSSAsync("color", "rgb(217, 45, 32)");
        await Expect(Row(page, 3).Locator(".due")).ToHaveTextAsync(new Regex("^\\s*Today\\s*$"));
        await Expect(Row(page, 5).Locator(".due")).ToHaveTextAsync(new Regex("^\\s*Tomorrow\\s*$"));
        var inAWeek = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        await Expect(Row(page, 6).Locator(".due")).ToHaveTextAsync(new Regex($"^\\s*{inAWeek:ddd d MMM}{(inAWeek.Year != DateTime.UtcNow.Year ? $" {inAWeek.Year}" : "")}\\s*$"));
        await Expect(Row(page, 4).Locator(".priority")).ToHaveTextAsync("! High");
        await Expect(Row(page, 8).Locator(".priority")).ToHaveTextAsync("Low");
        await Expect(Row(page, 4).Locator(".chip")).ToHaveTextAsync("#Work");

        // Sorting by number instead.
        await page.Locator("#sort-select").SelectOptionAsync("number");
        await page.WaitForURLAsync(new Regex("sort=number"));
        Assert.Equal(Enumerable.Range(1, 9).Select(n => $"#{n}"), (await TitlesAsync(page)).Select(t => Regex.Match(t, "^#\\d+").Value));
    }

    [Fact]
    public async Task AddWithShortcutsAndTheDatePickerThenEditAndUndoTheEdit()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        await using var context = await NewContextAsync(browser, app.ServerAddress);
        var page = await ChatBrowser.SignInAsync(context, user);
        await page.GotoAsync("/tasks");
        await WaitLiveAsync(page);

        await page.GetByLabel("New task title").FillAsync("Buy milk #Shopping tomorrow !high");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();
        await Expect(Row(page, 1)).ToContainTextAsync("Buy milk");
        await page.GetByLabel("New task title").FillAsync("Finish the report");
        await page.GetByLabel("New task due date").FillAsync("2030-03-08");
        await page.GetByLabel("New task priority").SelectOptionAsync("low");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();
        await Expect(Row(page, 2)).ToContainTextAsync("Fri 8 Mar 2030");

        var tomorrow = TasksBrowser.Iso(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1));
        var added = await api.ListTasksAsync("?status=open");
        Assert.Equal(("Buy milk", tomorrow, "high", "Shopping"), (added[0].Title, added[0].DueDate, added[0].Priority, added[0].List));
        Assert.Equal(("Finish the report", "2030-03-08", "low", null), (added[1].Title, added[1].DueDate, added[1].Priority, added[1].List));

        await Row(page, 2).Locator(".task-edit summary").ClickAsync();
        await page.GetByLabel("Due date of task 2").FillAsync("2030-03-05");
        await page.GetByLabel("Priority of task 2").SelectOptionAsync("high");
        await page.GetByLabel("List of task 2").FillAsync("Work");
        await Row(page, 2).GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Row(page, 2).Locator(".due")).ToHaveTextAsync(new Regex("Tue 5 Mar 2030"));
        await Expect(Row(page, 2).Locator(".chip")).ToHaveTextAsync("#Work");

        await page.Locator("#undo-bar").GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(Row(page, 2).Locator(".due")).ToHaveTextAsync(new Regex("Fri 8 Mar 2030"));
        var reverted = Assert.Single(await api.ListTasksAsync(), t => t.Number == 2);
        Assert.Equal(("2030-03-08", "low", null), (reverted.DueDate, reverted.Priority, reverted.List));
    }

    [Fact]
    public async Task TheBrowsersTimeZoneBecomesTheAccountsAndTodayFollowsIt()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        var kiritimatiToday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(14));
        await api.CreateTaskAsync(new { title = "Kiritimati's today", due_date = TasksBrowser.Iso(kiritimatiToday) });
        await api.CreateTaskAsync(new { title = "The day before", due_date = TasksBrowser.Iso(kiritimatiToday.AddDays(-1)) });
        await using var context = await NewContextAsync(browser, app.ServerAddress, timeZone: "Pacific/Kiritimati");
        var page = await ChatBrowser.SignInAsync(context, user);

        await page.GotoAsync("/tasks?view=today");

        await Expect(page.Locator("#tasks")).ToHaveAttributeAsync("data-time-zone", "Pacific/Kiritimati", new() { Timeout = 5000 });
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Rows(page)).ToContainTextAsync("Kiritimati's today");
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("Pacific/Kiritimati", me.GetProperty("time_zone").GetString());
    }
}
