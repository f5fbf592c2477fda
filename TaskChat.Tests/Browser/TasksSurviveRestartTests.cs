using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;

namespace TaskChat.Tests.Browser;

/// <summary>
/// A person signs up, adds a task, the server is stopped and started again on the same
/// database, and after signing in the task is still there. Real Chromium, a real port, a
/// separate app process each time.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class TasksSurviveRestartTests(BrowserFixture browser)
{
    [Fact]
    public async Task TaskAddedInTheBrowserIsListedAfterRestartOnSqlite()
    {
        await using var database = TestDatabase.CreateSqlite();
        await SignUpAddTaskRestartAndSignInAsync(database, "sqlite");
    }

    [Fact]
    [Trait(Category.Name, Category.Postgres)]
    public async Task TaskAddedInTheBrowserIsListedAfterRestartOnPostgresThroughDatabaseUrl()
    {
        await using var database = await TestDatabase.CreatePostgresAsync();
        Assert.Contains("DATABASE_URL", database.EnvironmentVariables.Keys);
        await SignUpAddTaskRestartAndSignInAsync(database, "postgres");
    }

    private async Task SignUpAddTaskRestartAndSignInAsync(TestDatabase database, string name)
    {
        var (email, password) = TestUser.NewCredentials();
        var title = $"Buy groceries {Guid.NewGuid():N}"[..24];

        await using (var first = await AppProcess.StartAsync(database.EnvironmentVariables))
        {
            await using var context = await browser.NewContextAsync(first.BaseAddress);
            var page = await context.NewPageAsync();

            await page.GotoAsync("/signup");
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await page.WaitForURLAsync("**/chat");

            await page.GotoAsync("/tasks");
            await Expect(page.GetByText("No tasks here yet")).ToBeVisibleAsync();
            await page.GetByLabel("New task title").FillAsync(title);
            await page.GetByLabel("New task description").FillAsync("Milk, eggs, bread");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();

            var task = page.Locator("#task-list li.task");
            await Expect(task).ToHaveCountAsync(1);
            await Expect(task).ToContainTextAsync(title);
            await Expect(task).ToContainTextAsync("#1");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"tasks-{name}.png"), FullPage = true });

            await first.StopAsync();
        }

        await using var second = await AppProcess.StartAsync(database.EnvironmentVariables);
        await using var fresh = await browser.NewContextAsync(second.BaseAddress);
        var again = await fresh.NewPageAsync();

        await again.GotoAsync("/tasks");
        await again.WaitForURLAsync("**/signin?ReturnUrl=%2Ftasks");
        await again.GetByLabel("Email").FillAsync(email);
        await again.GetByLabel("Password").FillAsync(password);
        await again.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await again.WaitForURLAsync("**/tasks");

        var listed = again.Locator("#task-list li.task");
        await Expect(listed).ToHaveCountAsync(1);
        await Expect(listed).ToContainTextAsync(title);
        await Expect(listed).ToContainTextAsync("Milk, eggs, bread");
        await Expect(listed).ToContainTextAsync("#1");
    }
}
