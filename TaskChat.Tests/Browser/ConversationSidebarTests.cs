using System.Net.Http.Json;
using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Operations;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>The conversation list: newest first, a new conversation, rename and delete in place.</summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class ConversationSidebarTests(BrowserFixture browser)
{
    [Fact]
    public async Task NewRenameAndDeleteConversations()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);
        var items = page.Locator("#conversation-list li.conversation");

        await SendAsync(page, "Add milk to my list");
        await WaitForRepliesAsync(page, 1);
        var first = ConversationIdOf(page);

        // New conversation: the start screen again, and the old one is no longer reopened by /chat.
        await page.GetByRole(AriaRole.Link, new() { Name = "New conversation" }).ClickAsync();
        await Expect(page.Locator("#start-screen")).ToBeVisibleAsync();
        // history.replaceState, not a navigation: poll the address rather than wait for a load.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/chat$"));
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('current_conversation_id')"));
        await SendAsync(page, "Show me my tasks");
        await WaitForRepliesAsync(page, 1);
        var second = ConversationIdOf(page);
        Assert.NotEqual(first, second);
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.First).ToContainTextAsync("Show me my tasks");

        await page.ReloadAsync();
        await Expect(items.First).ToHaveAttributeAsync("data-conversation-id", second.ToString());
        await Expect(items.Nth(1)).ToHaveAttributeAsync("data-conversation-id", first.ToString());

        // Rename in place.
        var firstItem = page.Locator($"#conversation-list li[data-conversation-id='{first}']");
        await firstItem.HoverAsync();
        await firstItem.GetByRole(AriaRole.Button, new() { Name = "Rename conversation" }).ClickAsync();
        var title = firstItem.GetByRole(AriaRole.Textbox, new() { Name = "Conversation title" });
        await title.FillAsync("Shopping");
        await title.PressAsync("Enter");
        await Expect(firstItem.Locator("a")).ToHaveTextAsync("Shopping");
        Assert.Contains(await ConversationsAsync(api), c => c.Id == first && c.Title == "Shopping");

        // Delete asks first; Keep keeps it, Delete deletes it.
        await firstItem.HoverAsync();
        await firstItem.GetByRole(AriaRole.Button, new() { Name = "Delete conversation" }).ClickAsync();
        await firstItem.GetByRole(AriaRole.Button, new() { Name = "Keep" }).ClickAsync();
        await Expect(items).ToHaveCountAsync(2);
        await firstItem.HoverAsync();
        await firstItem.GetByRole(AriaRole.Button, new() { Name = "Delete conversation" }).ClickAsync();
        await firstItem.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(items).ToHaveCountAsync(1);
        Assert.Equal([second], (await ConversationsAsync(api)).Select(c => c.Id));

        // Deleting the open conversation leaves it for a new one.
        var current = items.First;
        await current.GetByRole(AriaRole.Button, new() { Name = "Delete conversation" }).ClickAsync();
        await current.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(page.Locator("#start-screen")).ToBeVisibleAsync();
        await Expect(items).ToHaveCountAsync(0);
        Assert.Empty(await ConversationsAsync(api));
    }

    private static async Task<List<ConversationDto>> ConversationsAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<List<ConversationDto>>("/api/v1/conversations", JsonDefaults.Wire))!;
}
