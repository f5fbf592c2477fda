using System.Net.Http.Json;
using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;

namespace TaskChat.Tests.Browser;

/// <summary>What the /tasks browser tests do, said once: a browser in a chosen time zone, the page's rows, a fixed set of dated tasks.</summary>
internal static class TasksBrowser
{
    /// <summary>A fresh context whose clock reads in <paramref name="timeZone"/>, as a person's browser there would.</summary>
    public static async Task<IBrowserContext> NewContextAsync(BrowserFixture browser, Uri server, string timeZone = "UTC", int width = 1280, int height = 860)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = timeZone,
        }).WaitAsync(TestSettings.Timeout);
        context.SetDefaultTimeout((float)TestSettings.Timeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)TestSettings.Timeout.TotalMilliseconds);
        return context;
    }

    public static ILocator Rows(IPage page) => page.Locator("#task-list li.task");

    public static ILocator Row(IPage page, int number) => page.Locator($"#task-{number}");

    /// <summary>The tasks hub is connected, so a change elsewhere will show.</summary>
    public static Task WaitLiveAsync(IPage page) =>
        Expect(page.Locator("html")).ToHaveAttributeAsync("data-tasks-live", "true");

    public static async Task<IReadOnlyList<string>> TitlesAsync(IPage page) =>
        (await page.Locator("#task-list li.task .task-title").AllInnerTextsAsync()).ToList();

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Tasks due around today (UTC): two overdue, two today (one high priority), tomorrow, in a
    /// week, in eight days, undated, a list, and one done. Returns today.
    /// </summary>
    public static async Task<DateOnly> AddDatedTasksAsync(HttpClient api)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        object[] tasks =
        [
            new { title = "Renew passport", due_date = Iso(today.AddDays(-3)), priority = "high" },
            new { title = "Return library books", due_date = Iso(today.AddDays(-1)) },
            new { title = "Call mom", due_date = Iso(today) },
            new { title = "Finish the report", due_date = Iso(today), priority = "high", list = "Work" },
            new { title = "Buy milk", due_date = Iso(today.AddDays(1)), list = "Shopping" },
            new { title = "Team offsite", due_date = Iso(today.AddDays(7)), list = "Work" },
            new { title = "Dentist", due_date = Iso(today.AddDays(8)), priority = "low" },
            new { title = "Learn the guitar", priority = "low" },
            new { title = "Eggs", list = "shopping" },
            new { title = "Pay rent", due_date = Iso(today) },
        ];
        foreach (var task in tasks)
        {
            await api.CreateTaskAsync(task);
        }

        (await api.PatchAsJsonAsync("/api/v1/tasks/10", new { is_completed = true })).EnsureSuccessStatusCode();
        return today;
    }
}
