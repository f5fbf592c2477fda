using System.Collections.Concurrent;
using System.Text.Json;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>
/// What the page shows comes from the server once: the title it was given, and each event of a
/// turn it sent over the wire one time (not once on its send stream and again on its watch).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class ChatSingleSourceTests(BrowserFixture browser)
{
    [Fact]
    public async Task EachTokenOfAReplyThePageSentArrivesOnce()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        for (var i = 1; i <= 20; i++)
        {
            await AddTaskAsync(api, $"Errand number {i} for the week");
        }

        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);

        // A conversation the page already watches: the second turn is the one counted.
        await SendAsync(page, "Add a task to water the plants");
        await WaitForRepliesAsync(page, 1);
        var recording = false;
        var tokens = new ConcurrentQueue<(long Event, string Delta)>();
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            if (!Volatile.Read(ref recording))
            {
                return;
            }

            foreach (var item in StreamItems(frame.Text))
            {
                if (item.GetProperty("type").GetString() == "token")
                {
                    tokens.Enqueue((item.GetProperty("event").GetInt64(), item.GetProperty("delta").GetString()!));
                }
            }
        };
        await page.ReloadAsync();
        await WaitLiveAsync(page);
        Volatile.Write(ref recording, true);

        await SendAsync(page, "Show me my tasks");
        var reply = LastReply(page);
        await Expect(reply).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = ReplyTimeout });
        await WaitForRenderedAsync(reply);

        await WaitForRepliesAsync(page, 2);
        var stored = (await MessagesAsync(api, ConversationIdOf(page))).Last();
        var received = tokens.ToArray();
        var words = stored.Content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.True(words >= 100, $"The reply should have at least 100 words, it has {words}.");
        Assert.Equal(received.Length, received.Select(token => token.Event).Distinct().Count());
        Assert.Equal(stored.Content, string.Concat(received.OrderBy(token => token.Event).Select(token => token.Delta)));
    }

    [Fact]
    public async Task TheLiveTitleIsTheTitleAfterAReload()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);

        // 120 characters with runs of spaces: the server collapses them and cuts at a word.
        var message = "Add   a task   to call the    plumber about the kitchen sink     and ask about the bathroom tap and the boiler  too ok";
        message = message.PadRight(120, 'x');
        Assert.Equal(120, message.Length);
        await SendAsync(page, message);
        await Expect(LastReply(page)).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = ReplyTimeout });

        var liveHeader = await page.Locator("#chat-title").InnerTextAsync();
        var liveSidebar = await page.Locator("#conversation-list li.conversation.current a").InnerTextAsync();
        await page.ReloadAsync();
        await WaitLiveAsync(page);

        Assert.Equal(await page.Locator("#chat-title").InnerTextAsync(), liveHeader);
        Assert.Equal(await page.Locator("#conversation-list li.conversation.current a").InnerTextAsync(), liveSidebar);
        Assert.Equal(liveHeader, liveSidebar);
        Assert.DoesNotContain("  ", liveHeader);
        Assert.EndsWith("…", liveHeader);
    }

    /// <summary>The items of SignalR stream messages (type 2) in one JSON-protocol frame.</summary>
    private static IEnumerable<JsonElement> StreamItems(string? frame)
    {
        foreach (var message in (frame ?? "").Split('\u001e', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(message);
            if (document.RootElement.TryGetProperty("type", out var type) && type.GetInt32() == 2)
            {
                yield return document.RootElement.GetProperty("item").Clone();
            }
        }
    }
}
