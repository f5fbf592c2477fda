using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>
/// With JavaScript off the chat is still a working page: history renders on the server, and
/// the prompts, the composer and a deletion card's buttons are plain form posts.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class ChatWithoutJavaScriptTests(BrowserFixture browser)
{
    [Fact]
    public async Task HistoryIsReadableAndFormsWorkWithJavaScriptOff()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        await using var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = app.ServerAddress.ToString(),
            JavaScriptEnabled = false,
        });
        context.SetDefaultTimeout((float)TestSettings.Timeout.TotalMilliseconds);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(user.Email);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/chat");
        await Expect(page.Locator("#connection")).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Create a task to buy groceries" }).ClickAsync();
        await page.WaitForURLAsync(ChatUrl());
        await Expect(LastReply(page).Locator(".tool-card")).ToContainTextAsync("Add task “Buy groceries”");
        await Expect(LastReply(page).Locator(".content")).ToContainTextAsync("Buy groceries");

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message", Exact = true }).FillAsync("Delete task 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(Replies(page)).ToHaveCountAsync(2);
        await LastReply(page).GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        await Expect(Replies(page)).ToHaveCountAsync(3);
        await Expect(LastReply(page).Locator(".tool-card")).ToContainTextAsync("Deleted task 1");
        Assert.Empty(await TaskTitlesAsync(api));
        await Expect(page.Locator("#conversation-list li.conversation")).ToHaveCountAsync(1);
    }
}
