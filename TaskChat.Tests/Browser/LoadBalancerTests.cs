using System.Text.RegularExpressions;
using Markdig;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Chat.Turns;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>
/// Two nodes on one Redis behind a real nginx doing round-robin with no sticky sessions: a
/// person signs up, chats, refreshes in the middle of a reply and sees it finish, and every
/// request of the browser went through nginx to one node or the other.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class LoadBalancerTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task BehindNginxRoundRobinAPersonSignsUpChatsRefreshesMidReplyAndSeesTheReplyFinish()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Assistant:Offline:TokenDelayMs"] = "200",
        };
        await using var a = await TaskChatApplication.StartAsync(settings, database);
        await using var b = await TaskChatApplication.StartAsync(settings, database);
        await using var nginx = await NginxServer.StartAsync([a.ServerAddress, b.ServerAddress]);
        await using var context = await browser.NewContextAsync(nginx.Address);
        var page = await context.NewPageAsync();

        var (email, password) = TestUser.NewCredentials();
        await page.GotoAsync("/signup");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync(ChatUrl());
        await WaitLiveAsync(page);

        string[] errands = ["buy milk", "buy bread", "buy eggs", "call the plumber", "water the plants", "book the dentist"];
        for (var i = 0; i < errands.Length; i++)
        {
            await SendAsync(page, $"Create a task to {errands[i]}");
            await WaitForRepliesAsync(page, i + 1);
        }

        await SendAsync(page, "Show me my tasks");
        await Expect(LastReply(page).Locator(".content")).ToContainTextAsync(new Regex("milk", RegexOptions.IgnoreCase));
        var conversationId = ConversationIdOf(page);
        var (running, other) = Running(a, conversationId) ? (a, b) : (b, a);
        Assert.True(Running(running, conversationId), "The reply runs on neither node.");
        using var probe = new HttpClient { BaseAddress = nginx.Address, Timeout = TestSettings.Timeout };
        const int MaxReloads = 6;
        var reloads = 0;
        do
        {
            // Round-robin is deterministic: between two reloads the page makes some number of
            // requests, and when that number is even it reconnects to the same node every time.
            // One extra request before every other reload makes the steps alternate between that
            // number and one more, so whichever it is (and it varies with what the browser has
            // cached), within two reloads the page lands on the other node.
            if (reloads % 2 == 1)
            {
                using var shift = await probe.GetAsync("/health/live");
            }

            await page.ReloadAsync();
            reloads++;
            await Expect(LastReply(page)).ToHaveAttributeAsync("data-status", "streaming");
            await WaitLiveAsync(page);
        }
        while (!await WatchedOnAsync(other, conversationId) && reloads < MaxReloads);
        output.WriteLine($"reloads until the page watched the reply from the other node: {reloads}");
        Assert.True(await WatchedOnAsync(other, conversationId), $"After {MaxReloads} reloads the page never watched from the node not running the reply.");

        // Back mid-reply, on the node that does not run it: still being written, and it finishes here.
        var reply = LastReply(page);
        await Expect(reply).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = ReplyTimeout });
        await WaitForRenderedAsync(reply);
        var shown = await reply.Locator(".content").InnerTextAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "behind-nginx.png") });

        using var api = new HttpClient { BaseAddress = nginx.Address, Timeout = TestSettings.Timeout };
        api.DefaultRequestHeaders.Authorization = new("Bearer", await TaskChatApplication.GetTokenAsync(api, email, password));
        var saved = (await MessagesAsync(api, conversationId)).Last();
        Assert.Equal(MessageStatus.Completed, saved.Status);
        Assert.Equal(Squash(Markdown.ToPlainText(saved.Content)), Squash(shown));
        foreach (var errand in errands)
        {
            Assert.Contains(errand, shown, StringComparison.OrdinalIgnoreCase);
        }

        // A WebSocket's log line is written when it closes.
        await page.CloseAsync();
        var requests = await PollRequestsAsync(nginx, r => r.Path == "/hubs/chat" && r.Status == 101, count: 2);
        var nodes = new[] { a.ServerAddress.Port, b.ServerAddress.Port };
        foreach (var request in requests)
        {
            output.WriteLine($"{request.Method} {request.Path} {request.Status} node {(request.NodePort == nodes[0] ? "A" : request.NodePort == nodes[1] ? "B" : "?")}");
        }

        Assert.All(requests, r => Assert.Contains(r.NodePort, nodes));
        Assert.All(nodes, node => Assert.Contains(requests, r => r.NodePort == node));
        Assert.DoesNotContain(requests, r => r.Status >= 500);

        // Each hub connection is one request (a WebSocket without negotiate), so no pair of
        // requests has to reach the same node: nothing here needs a sticky session.
        Assert.DoesNotContain(requests, r => r.Path.StartsWith("/hubs/chat/negotiate", StringComparison.Ordinal));
        Assert.All(requests.Where(r => r.Path == "/hubs/chat"), r => Assert.Equal(101, r.Status));
    }

    private static bool Running(TaskChatApplication node, Guid conversationId) =>
        node.Services.GetRequiredService<TurnRegistry>().IsRunning(conversationId);

    /// <summary>Whether a hub stream of this node is watching the conversation (the page's WatchConversation).</summary>
    private static async Task<bool> WatchedOnAsync(TaskChatApplication node, Guid conversationId)
    {
        var feeds = node.Services.GetRequiredService<ConversationFeeds>();
        for (var i = 0; i < 10; i++)
        {
            if (feeds.TryGet(conversationId)?.WatcherCount > 0)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static async Task<IReadOnlyList<(string Method, string Path, int Status, int NodePort)>> PollRequestsAsync(
        NginxServer nginx, Func<(string Method, string Path, int Status, int NodePort), bool> match, int count)
    {
        var deadline = DateTime.UtcNow + TestSettings.Timeout;
        while (true)
        {
            var requests = await nginx.RequestsAsync();
            if (requests.Count(match) >= count)
            {
                return requests;
            }

            Assert.True(DateTime.UtcNow < deadline, $"nginx logged {requests.Count(match)} of the {count} requests expected.");
            await Task.Delay(200);
        }
    }

    private static string Squash(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
