using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>Long conversations: older messages load on scrolling up, and the view follows a reply only while you are at the bottom.</summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class ChatHistoryTests(BrowserFixture browser)
{
    private const int Turns = 20;

    [Fact]
    public async Task ScrollingUpLoadsOlderMessagesAndAReaderWhoScrolledUpIsLeftInPlace()
    {
        await using var app = await TaskChatApplication.StartAsync(SlowReplies.Settings(25));
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        Guid? conversationId = null;
        for (var i = 1; i <= Turns; i++)
        {
            using var response = await api.PostAsJsonAsync("/api/v1/chat", new { message = $"Add errand {i} to my list", conversation_id = conversationId });
            response.EnsureSuccessStatusCode();
            conversationId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversation_id").GetGuid();
        }

        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);
        await page.GotoAsync($"/chat/{conversationId}");
        await WaitLiveAsync(page);

        // The newest page, scrolled to the bottom.
        var messages = page.Locator("#messages li.message");
        await Expect(messages).ToHaveCountAsync(30);
        await Expect(messages.Last).ToBeInViewportAsync();
        await Expect(page.Locator("#messages").GetByText("Add errand 1 to my list", new() { Exact = true })).ToHaveCountAsync(0);

        // Scrolling to the top brings the rest, and what was on screen stays on screen.
        var firstShown = messages.First;
        var firstShownId = await firstShown.GetAttributeAsync("data-message-id");
        await page.EvaluateAsync("() => document.getElementById('chat-scroll').scrollTop = 0");
        await Expect(messages).ToHaveCountAsync(Turns * 2);
        await Expect(page.Locator("#load-older")).ToHaveCountAsync(0);
        await Expect(page.Locator("#messages li.message.user").First).ToHaveTextAsync("Add errand 1 to my list");
        await Expect(page.Locator($"li.message[data-message-id='{firstShownId}']")).ToBeInViewportAsync();

        // A long reply: followed while at the bottom...
        await SendAsync(page, "Show me my tasks");
        var reply = LastReply(page);
        await Expect(reply.Locator(".content")).ToContainTextAsync("Errand 3");
        await Expect(reply.Locator(".content")).ToContainTextAsync("Errand 6");
        Assert.True(await DistanceFromBottomAsync(page) < 48, "The view should follow the reply while at the bottom.");

        // ...and left alone once the reader scrolls up.
        await page.EvaluateAsync("() => { const s = document.getElementById('chat-scroll'); s.scrollTop = s.scrollTop - 400; }");
        var scrolledTo = await page.EvaluateAsync<double>("() => document.getElementById('chat-scroll').scrollTop");
        await Expect(reply).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = ReplyTimeout });
        Assert.Equal(scrolledTo, await page.EvaluateAsync<double>("() => document.getElementById('chat-scroll').scrollTop"), 1.0);
        Assert.True(await DistanceFromBottomAsync(page) > 300);
    }

    private static Task<double> DistanceFromBottomAsync(IPage page) => page.EvaluateAsync<double>(
        "() => { const s = document.getElementById('chat-scroll'); return s.scrollHeight - s.scrollTop - s.clientHeight; }");
}
