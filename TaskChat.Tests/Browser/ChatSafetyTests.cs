using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>
/// Text from the user and from the model is shown, never run: live while streaming, after the
/// server's Markdown rendering replaces it, and after a reload. Any dialog fails the test.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class ChatSafetyTests(BrowserFixture browser)
{
    private const string UserText = "<img src=x onerror=alert(1)>";

    private const string ModelText =
        "Here you go: <script>window.ranScript = true; alert('script')</script>\n\n" +
        "[click me](javascript:alert('link')) and <a href=\"javascript:alert('raw')\">raw link</a>\n\n" +
        "<img src=x onerror=\"window.ranScript = true; alert('img')\"> <b onmouseover=alert('b')>bold?</b>\n\n" +
        "<iframe src=\"javascript:alert('frame')\"></iframe> **really bold** and [a fine link](https://example.com/).";

    [Fact]
    public async Task HostileUserAndModelTextStaysInert()
    {
        await using var app = await TaskChatApplication.StartAsync(configureServices: services =>
        {
            services.RemoveAll<IChatClient>();
            services.AddSingleton<IChatClient>(new ScriptedChatClient(ModelText));
        });
        var user = await app.CreateUserAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var dialogs = new List<string>();
        context.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        var page = await SignInAsync(context, user);

        await SendAsync(page, UserText);
        await WaitForRepliesAsync(page, 1);
        await AssertInertAsync(page);

        // The server's rendering of the same conversation, from scratch.
        await page.ReloadAsync();
        await WaitLiveAsync(page);
        await AssertInertAsync(page);
        await Expect(page.Locator("#conversation-list li.conversation.current a")).ToHaveTextAsync(UserText);

        // Let any late handler fire before concluding nothing ran.
        await page.Locator("#messages b").First.HoverAsync(new() { Timeout = 2000 }).ContinueWith(_ => { });
        await page.WaitForTimeoutAsync(300);
        Assert.Empty(dialogs);
        Assert.False(await page.EvaluateAsync<bool>("() => window.ranScript === true"));
    }

    private static async Task AssertInertAsync(IPage page)
    {
        var userBubble = page.Locator("#messages li.message.user .text");
        await Expect(userBubble).ToHaveTextAsync(UserText);

        var reply = LastReply(page).Locator(".content");
        await Expect(reply).ToContainTextAsync("<script>");
        await Expect(reply).ToContainTextAsync("really bold");
        await Expect(reply.Locator("strong")).ToHaveTextAsync("really bold");
        await Expect(reply.Locator("a[href='https://example.com/']")).ToHaveAttributeAsync("rel", "noopener noreferrer nofollow");

        var dangerous = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll(
                '#messages script, #messages img, #messages iframe, #messages [onerror], #messages [onmouseover], #messages [onclick],' +
                '#conversation-list img, #conversation-list [onerror], a[href^="javascript" i]')].map(e => e.outerHTML)
            """);
        Assert.Empty(dangerous);
    }
}
