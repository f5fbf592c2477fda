using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>
/// The chat page as a person uses it, in Debian's Chromium against the app on a real port,
/// with the offline assistant pacing its words so the stream can be watched.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class ChatStreamingTests(BrowserFixture browser)
{
    [Fact]
    public async Task SuggestedPromptStreamsTheReplyShowsTheToolCardAndAddsTheTask()
    {
        await using var app = await TaskChatApplication.StartAsync(SlowReplies.Settings(80));
        var user = await app.CreateUserAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);

        await Expect(page.GetByText("Welcome! How can I help you manage your tasks today?")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show me my tasks" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark task 1 as complete" })).ToBeVisibleAsync();

        await RecordReplyTextsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a task to buy groceries" }).ClickAsync();

        var reply = LastReply(page);
        await Expect(reply).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = ReplyTimeout });
        await WaitForRenderedAsync(reply);
        var card = reply.Locator(".tool-card");
        await Expect(card).ToContainTextAsync("Add task “Buy groceries”");
        // The card says what was done in words; the tool's name stays in the markup only.
        await Expect(card).Not.ToContainTextAsync("add_task");
        await Expect(card).ToHaveAttributeAsync("data-tool-name", "add_task");
        await Expect(card).ToHaveAttributeAsync("data-status", "succeeded");
        await Expect(card.Locator(".tool-result")).ToContainTextAsync("Added task 1");
        await Expect(reply.Locator(".content")).ToContainTextAsync("Buy groceries");

        // Streamed, not delivered whole: the bubble showed partial texts on the way.
        var final = await reply.Locator(".content").InnerTextAsync();
        var partial = await PartialReplyTextsAsync(page, reply);
        Assert.True(partial.Count >= 2, $"Expected at least 2 intermediate texts, saw: {string.Join(" | ", partial)}");
        Assert.All(partial, text => Assert.StartsWith(text.TrimEnd(), final.Trim()[..Math.Min(final.Trim().Length, text.TrimEnd().Length)]));

        // The conversation is remembered (URL and localStorage) and listed.
        // Set with history.replaceState when the first turn starts, so there is no load to wait for.
        await Expect(page).ToHaveURLAsync(new Regex(@"/chat/[0-9a-f-]{36}$"));
        var conversationId = ConversationIdOf(page);
        Assert.Equal(conversationId.ToString(), await page.EvaluateAsync<string>("() => localStorage.getItem('current_conversation_id')"));
        await Expect(page.Locator("#conversation-list li.conversation.current")).ToContainTextAsync("Buy groceries");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tasks", Exact = true }).First.ClickAsync();
        await Expect(page.Locator("#task-list li.task")).ToContainTextAsync("Buy groceries");

        // Chat in the header brings the remembered conversation back.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Chat" }).ClickAsync();
        await page.WaitForURLAsync($"**/chat/{conversationId}");
        await Expect(Replies(page)).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task ShiftEnterStartsANewLineAndEnterSends()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);

        var box = page.GetByRole(AriaRole.Textbox, new() { Name = "Message", Exact = true });
        await box.PressSequentiallyAsync("Add milk");
        await box.PressAsync("Shift+Enter");
        await box.PressSequentiallyAsync("and bread");
        await Expect(box).ToHaveValueAsync("Add milk\nand bread");
        await Expect(page.Locator("#messages li.message")).ToHaveCountAsync(0);

        await box.PressAsync("Enter");
        await Expect(page.Locator("#messages li.message.user .text")).ToHaveTextAsync("Add milk\nand bread");
        await Expect(box).ToHaveValueAsync("");
        await WaitForRepliesAsync(page, 1);
    }
}
