using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>Deleting asks first: a card with Confirm / Cancel, or a typed "yes" / "no".</summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class ChatConfirmationTests(BrowserFixture browser)
{
    [Fact]
    public async Task ConfirmDeletesCancelKeepsAndTypingYesWorksToo()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        await api.CreateTaskAsync("Water the plants");
        await api.CreateTaskAsync("Call the bank");
        await api.CreateTaskAsync("Renew the passport");

        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);

        // Confirm.
        await SendAsync(page, "Delete task 1");
        await WaitForRepliesAsync(page, 1);
        var card = LastReply(page).Locator(".tool-card[data-status=needs_confirmation]");
        await Expect(card).ToContainTextAsync("Delete task 1");
        await Expect(card).ToContainTextAsync("“Water the plants” will be deleted once you confirm");
        Assert.Contains("Water the plants", await TaskTitlesAsync(api));
        await card.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await WaitForRepliesAsync(page, 2);
        await Expect(page.Locator("#messages .tool-confirm")).ToHaveCountAsync(0);
        await Expect(LastReply(page).Locator(".tool-card")).ToContainTextAsync("Deleted task 1");
        await Expect(Replies(page).First.Locator(".tool-card")).ToHaveAttributeAsync("data-status", "confirmed");
        await Expect(Replies(page).First.Locator(".tool-status")).ToHaveTextAsync("Confirmed");
        await Expect(page.Locator("#messages li.message.user").Last).ToHaveTextAsync("Yes");
        Assert.DoesNotContain("Water the plants", await TaskTitlesAsync(api));

        // Cancel.
        await SendAsync(page, "Delete task 2");
        await WaitForRepliesAsync(page, 3);
        card = LastReply(page).Locator(".tool-card[data-status=needs_confirmation]");
        await card.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await WaitForRepliesAsync(page, 4);
        await Expect(page.Locator("#messages .tool-confirm")).ToHaveCountAsync(0);
        await Expect(LastReply(page).Locator(".content")).ToContainTextAsync("nothing was deleted");
        await Expect(Replies(page).Nth(2).Locator(".tool-card")).ToHaveAttributeAsync("data-status", "declined");
        await Expect(Replies(page).Nth(2).Locator(".tool-status")).ToHaveTextAsync("Cancelled");
        Assert.Contains("Call the bank", await TaskTitlesAsync(api));

        // A typed "yes" answers the card as well, and its buttons go away.
        await SendAsync(page, "Delete task 3");
        await WaitForRepliesAsync(page, 5);
        await Expect(page.Locator("#messages .tool-confirm")).ToHaveCountAsync(1);
        await SendAsync(page, "yes");
        await WaitForRepliesAsync(page, 6);
        await Expect(page.Locator("#messages .tool-confirm")).ToHaveCountAsync(0);
        Assert.Equal(["Call the bank"], await TaskTitlesAsync(api));

        // After a reload the answered cards say how they ended, with no buttons.
        await page.ReloadAsync();
        await Expect(page.Locator("#messages .tool-card[data-status=confirmed]")).ToHaveCountAsync(2);
        await Expect(page.Locator("#messages .tool-card[data-status=declined]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#messages .tool-confirm")).ToHaveCountAsync(0);
    }
}
