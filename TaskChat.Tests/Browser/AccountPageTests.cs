using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Npgsql;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>
/// The account page as a person uses it, reached from the user menu: a new password ends the
/// old tokens, the download holds the tasks and messages, and deleting the account leaves no
/// row of it in any table of the PostgreSQL database.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
[Trait(Category.Name, Category.Postgres)]
public sealed class AccountPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task ChangePasswordDownloadMyDataAndDeleteMyAccount()
    {
        await using var database = await TestDatabase.CreatePostgresAsync();
        await using var app = await TaskChatApplication.StartAsync(database: database);
        var user = await app.CreateUserAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);
        await SendAsync(page, "Create a task to buy oat milk");
        await WaitForRepliesAsync(page, 1);
        var conversationId = ConversationIdOf(page);

        await page.Locator(".user-menu summary").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Account", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.ServerAddress, "/account").ToString());

        // Change password: the token issued before stops working; the new password signs in.
        var newPassword = $"changed-{Guid.NewGuid():N}";
        await page.GetByLabel("Current password").FillAsync(user.Password);
        await page.GetByLabel("New password").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password was changed");
        Assert.Equal(HttpStatusCode.Unauthorized, await TasksStatusAsync(app, user.AccessToken));
        var newToken = await TaskChatApplication.GetTokenAsync(app.CreateAnonymousClient(), user.Email, newPassword);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "account.png"), FullPage = true });

        // Download my data: the file holds the task and both messages of the conversation.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download my data" }).ClickAsync());
        var data = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync())).RootElement;
        Assert.Equal("Buy oat milk", Assert.Single(data.GetProperty("tasks").EnumerateArray()).GetProperty("title").GetString(), ignoreCase: true);
        var conversation = Assert.Single(data.GetProperty("conversations").EnumerateArray());
        Assert.Equal(conversationId, conversation.GetProperty("id").GetGuid());
        var messages = conversation.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal("Create a task to buy oat milk", messages[0].GetProperty("content").GetString());
        Assert.Equal("add_task", messages[1].GetProperty("tool_calls")[0].GetProperty("name").GetString());

        // Delete: a wrong password deletes nothing; the right one deletes everything.
        string[] needles = [user.UserId.ToString(), user.Email, conversationId.ToString()];
        var before = await RowsMentioningAsync((PostgresTestDatabase)database, needles);
        Assert.All(["AspNetUsers", "tasks", "conversations", "messages"], table => Assert.Contains(before, row => row.StartsWith(table + ":")));
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        await Expect(page.GetByText("The password is incorrect. Nothing was deleted.")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.OK, await TasksStatusAsync(app, newToken));
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account was deleted" })).ToBeVisibleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await TasksStatusAsync(app, newToken));
        var left = await RowsMentioningAsync((PostgresTestDatabase)database, needles);
        Assert.True(left.Count == 0, "Rows left behind: " + string.Join(", ", left));
        await page.GotoAsync("/chat");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
    }

    private static async Task<HttpStatusCode> TasksStatusAsync(TaskChatApplication app, string token)
    {
        using var client = app.CreateAnonymousClient(new BearerTokenHandler(token));
        using var response = await client.GetAsync("/api/v1/tasks");
        return response.StatusCode;
    }

    /// <summary>Every table of the database, each row read as text, searched for the account's ids and email.</summary>
    private static async Task<List<string>> RowsMentioningAsync(PostgresTestDatabase database, string[] needles)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("messages", tables);
        var left = new List<string>();
        foreach (var table in tables)
        {
            foreach (var needle in needles)
            {
                await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" AS row WHERE row::text ILIKE '%' || @needle || '%'", connection);
                count.Parameters.AddWithValue("needle", needle);
                if (Convert.ToInt64(await count.ExecuteScalarAsync()) is > 0 and var rows)
                {
                    left.Add($"{table}: {rows} with {needle}");
                }
            }
        }

        return left;
    }
}
