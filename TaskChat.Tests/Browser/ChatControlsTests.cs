using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Model;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>Stop, Retry and the connection badge: the controls around a reply.</summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class ChatControlsTests(BrowserFixture browser)
{
    [Fact]
    public async Task StopEndsTheReplyKeepsItsTextAndFreesSend()
    {
        await using var app = await TaskChatApplication.StartAsync(SlowReplies.Settings(100));
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        for (var i = 1; i <= 15; i++)
        {
            await api.CreateTaskAsync($"Errand number {i}");
        }

        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);
        var send = page.GetByRole(AriaRole.Button, new() { Name = "Send" });
        var stop = page.GetByRole(AriaRole.Button, new() { Name = "Stop" });
        await Expect(stop).ToBeHiddenAsync();

        await SendAsync(page, "Show me my tasks");
        await Expect(LastReply(page).Locator(".content")).ToContainTextAsync("Errand number 1");
        await Expect(send).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "chat-streaming.png") });
        await stop.ClickAsync();

        var reply = LastReply(page);
        await Expect(reply).ToHaveAttributeAsync("data-status", "cancelled");
        await Expect(reply.Locator(".message-status")).ToHaveTextAsync("Stopped");
        await WaitForRenderedAsync(reply);
        await Expect(send).ToBeEnabledAsync();
        await Expect(stop).ToBeHiddenAsync();

        var saved = (await MessagesAsync(api, ConversationIdOf(page))).Last();
        Assert.Equal(MessageStatus.Cancelled, saved.Status);
        Assert.DoesNotContain("Errand number 15", saved.Content);
        Assert.Equal(Squash(Markdig.Markdown.ToPlainText(saved.Content)), Squash(await reply.Locator(".content").InnerTextAsync()));
    }

    [Fact]
    public async Task AFailedReplyShowsTheErrorAndRetrySendsTheMessageAgain()
    {
        await using var app = await TaskChatApplication.StartAsync(configureServices: services =>
        {
            services.RemoveAll<IChatClient>();
            services.AddSingleton<IChatClient>(new ScriptedChatClient("Second time lucky.", failures: 1));
        });
        var user = await app.CreateUserAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);

        await SendAsync(page, "Hello there");
        var failed = LastReply(page);
        await Expect(failed).ToHaveAttributeAsync("data-status", "failed");
        await Expect(failed).ToContainTextAsync("The assistant could not be reached.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "chat-failed.png") });
        await failed.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();

        await WaitForRepliesAsync(page, 1);
        await Expect(LastReply(page).Locator(".content")).ToHaveTextAsync("Second time lucky.");
        await Expect(page.Locator("#messages li.message.user")).ToHaveTextAsync(["Hello there", "Hello there"]);
    }

    [Fact]
    public async Task ADroppedConnectionShowsReconnectingThenReconnectedAndTheReplyCompletes()
    {
        await using var app = await TaskChatApplication.StartAsync(SlowReplies.Settings(60));
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        for (var i = 1; i <= 15; i++)
        {
            await api.CreateTaskAsync($"Errand number {i} for the long list");
        }

        await using var context = await browser.NewContextAsync(app.ServerAddress);
        // Keeps the page's WebSockets within reach, so the test can cut them as a network would,
        // and can refuse new ones for a while, so resuming the same session fails as well.
        await context.AddInitScriptAsync("""
            (() => {
                const Native = window.WebSocket;
                window.openSockets = [];
                window.refuseSockets = false;
                window.WebSocket = class extends Native {
                    constructor(...args) {
                        if (window.refuseSockets) throw new Error('The test refuses WebSockets.');
                        super(...args);
                        window.openSockets.push(this);
                    }
                };
            })();
            """);
        var page = await SignInAsync(context, user);
        await page.EvaluateAsync("""
            () => {
                const badge = document.getElementById('connection');
                window.connectionStates = [];
                new MutationObserver(() => window.connectionStates.push(badge.dataset.state))
                    .observe(badge, { attributes: true, attributeFilter: ['data-state'] });
            }
            """);

        await SendAsync(page, "Show me my tasks");
        await Expect(LastReply(page).Locator(".content")).ToContainTextAsync("Errand number 2 for");

        await page.EvaluateAsync("""
            () => {
                window.refuseSockets = true;
                window.openSockets.forEach(socket => socket.close(4000, 'test'));
                setTimeout(() => { window.refuseSockets = false; }, 1500);
            }
            """);
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Reconnected", new() { Timeout = ReplyTimeout });
        await RecordReplyTextsAsync(page);

        var reply = LastReply(page);
        await Expect(reply).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = ReplyTimeout });
        await WaitForRenderedAsync(reply);
        var saved = (await MessagesAsync(api, ConversationIdOf(page))).Last();
        var shown = await reply.Locator(".content").InnerTextAsync();
        Assert.Equal(Squash(Markdig.Markdown.ToPlainText(saved.Content)), Squash(shown));
        for (var i = 1; i <= 15; i++)
        {
            Assert.Single(Regex.Matches(shown, $"Errand number {i} for the long list"));
        }

        var states = await page.EvaluateAsync<string[]>("() => window.connectionStates");
        Assert.Contains("reconnecting", states);
        Assert.True(Array.IndexOf(states, "reconnecting") < Array.LastIndexOf(states, "reconnected"), string.Join(", ", states));

        // The live stream came back after the reconnect: the reply kept growing here.
        Assert.True((await PartialReplyTextsAsync(page, reply)).Count >= 2, "The reply should have streamed after reconnecting.");
    }
}
