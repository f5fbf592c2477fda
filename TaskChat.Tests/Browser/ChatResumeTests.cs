using Markdig;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Model;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>
/// A reply keeps going through a refresh and shows up in a second tab: the page renders what
/// was saved, then the watch replays the in-flight turn, with no gap and no repeated text.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class ChatResumeTests(BrowserFixture browser)
{
    private const int TaskCount = 15;

    [Fact]
    public async Task RefreshDuringASlowReplyShowsTheWholeReplyOnceAsSaved()
    {
        await using var app = await TaskChatApplication.StartAsync(SlowReplies.Settings(60));
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        for (var i = 1; i <= TaskCount; i++)
        {
            await api.CreateTaskAsync($"Errand number {i} for the long list");
        }

        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);
        await SendAsync(page, "Show me my tasks");
        await Expect(LastReply(page).Locator(".content")).ToContainTextAsync("Errand number 2 for");
        await page.ReloadAsync();

        // Back from the server mid-reply: still being written, and it keeps growing here.
        var reply = LastReply(page);
        await Expect(reply).ToHaveAttributeAsync("data-status", "streaming");
        await WaitLiveAsync(page);
        await RecordReplyTextsAsync(page);
        await Expect(reply).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = ReplyTimeout });
        await WaitForRenderedAsync(reply);
        var partial = await PartialReplyTextsAsync(page, reply);
        Assert.True(partial.Count >= 2, $"The reply should have kept growing after the refresh, saw: {string.Join(" | ", partial)}");

        var saved = (await MessagesAsync(api, ConversationIdOf(page))).Last();
        Assert.Equal(MessageRole.Assistant, saved.Role);
        Assert.Equal(MessageStatus.Completed, saved.Status);
        var shown = await reply.Locator(".content").InnerTextAsync();
        Assert.Equal(Squash(Markdown.ToPlainText(saved.Content)), Squash(shown));
        for (var i = 1; i <= TaskCount; i++)
        {
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(shown, $@"Errand number {i} for the long list"));
        }

        await Expect(Replies(page)).ToHaveCountAsync(1);
        await Expect(page.Locator("#messages li.message.user")).ToHaveCountAsync(1);
        await Expect(reply.Locator(".tool-card")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task SecondTabShowsATurnStartedInTheFirst()
    {
        await using var app = await TaskChatApplication.StartAsync(SlowReplies.Settings(40));
        var user = await app.CreateUserAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var first = await SignInAsync(context, user);
        await SendAsync(first, "Add milk to my list");
        await WaitForRepliesAsync(first, 1);

        var second = await context.NewPageAsync();
        await second.GotoAsync(first.Url);
        await WaitLiveAsync(second);
        await RecordReplyTextsAsync(second);

        await SendAsync(first, "Show me my tasks");
        await Expect(second.Locator("#messages li.message.user").Last).ToHaveTextAsync("Show me my tasks");
        await WaitForRepliesAsync(second, 2);
        await Expect(LastReply(second).Locator(".tool-card")).ToContainTextAsync("List tasks");
        await Expect(LastReply(second).Locator(".content")).ToContainTextAsync("Milk");
        await WaitForRenderedAsync(LastReply(second));
        Assert.True((await PartialReplyTextsAsync(second, LastReply(second))).Count >= 2, "The second tab should have seen the reply grow.");

        await WaitForRepliesAsync(first, 2);
        await WaitForRenderedAsync(LastReply(first));
        await WaitForRenderedAsync(LastReply(second));
        Assert.Equal(
            Squash(await LastReply(first).Locator(".content").InnerTextAsync()),
            Squash(await LastReply(second).Locator(".content").InnerTextAsync()));
        await Expect(first.Locator("#messages li.message")).ToHaveCountAsync(4);
        await Expect(second.Locator("#messages li.message")).ToHaveCountAsync(4);
    }
}
