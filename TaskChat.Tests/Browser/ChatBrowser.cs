using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Operations;
using static Microsoft.Playwright.Assertions;

namespace TaskChat.Tests.Browser;

/// <summary>
/// What the chat tests do in the browser, said once: sign in, send, find the newest reply,
/// and record every text the reply bubble showed (to prove it streamed).
/// </summary>
internal static partial class ChatBrowser
{
    public static async Task<IPage> SignInAsync(IBrowserContext context, TestUser user)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(user.Email);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(ChatUrl());
        await WaitLiveAsync(page);
        return page;
    }

    /// <summary>The hub is connected: what a person sees as the "Live" badge.</summary>
    public static Task WaitLiveAsync(IPage page) =>
        Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", new Regex("^(connected|reconnected)$"));

    public static async Task SendAsync(IPage page, string text)
    {
        var box = page.GetByRole(AriaRole.Textbox, new() { Name = "Message", Exact = true });
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    public static ILocator Replies(IPage page) => page.Locator("#messages li.message.assistant");

    public static ILocator LastReply(IPage page) => Replies(page).Last;

    /// <summary>A whole reply can take longer than Playwright's 5 s default when the assistant is slowed down.</summary>
    public static float ReplyTimeout => (float)TestSettings.Timeout.TotalMilliseconds;

    public static Task WaitForRepliesAsync(IPage page, int count) =>
        Expect(page.Locator("#messages li.message.assistant[data-status=completed]")).ToHaveCountAsync(count, new() { Timeout = ReplyTimeout });

    /// <summary>
    /// A finished reply as the server renders it: the Markdown rendering replaces the streamed
    /// plain text a moment after the reply's status changes.
    /// </summary>
    public static Task WaitForRenderedAsync(ILocator reply) =>
        Expect(reply.Locator(".content.markdown")).ToBeAttachedAsync(new() { Timeout = ReplyTimeout });

    /// <summary>Records each distinct text the newest reply bubble shows, from now on.</summary>
    public static Task RecordReplyTextsAsync(IPage page) => page.EvaluateAsync("""
        () => {
            window.replyTexts = [];
            const list = document.getElementById('messages');
            const observer = new MutationObserver(() => {
                const replies = list.querySelectorAll('li.message.assistant .content');
                const text = replies.length ? replies[replies.length - 1].textContent : '';
                if (text && window.replyTexts[window.replyTexts.length - 1] !== text) window.replyTexts.push(text);
            });
            observer.observe(list, { subtree: true, childList: true, characterData: true });
        }
        """);

    public static Task<string[]> RecordedReplyTextsAsync(IPage page) => page.EvaluateAsync<string[]>("() => window.replyTexts");

    /// <summary>
    /// The texts the reply showed before its final rendering. The last plain text and the
    /// Markdown rendering alone make one, so two or more mean the reply visibly grew.
    /// </summary>
    public static async Task<List<string>> PartialReplyTextsAsync(IPage page, ILocator reply)
    {
        var final = Squash(await reply.Locator(".content").InnerTextAsync());
        return (await RecordedReplyTextsAsync(page)).Where(text => Squash(text) != final).Distinct().ToList();
    }

    public static Guid ConversationIdOf(IPage page) => Guid.Parse(ConversationInUrl().Match(page.Url).Groups[1].Value);

    public static Regex ChatUrl() => ChatPath();

    public static async Task<IReadOnlyList<MessageDto>> MessagesAsync(HttpClient api, Guid conversationId)
    {
        var page = await api.GetFromJsonAsync<MessagePage>($"/api/v1/conversations/{conversationId}/messages?limit=200", JsonDefaults.Wire);
        return page!.Messages;
    }

    public static async Task<IReadOnlyList<string>> TaskTitlesAsync(HttpClient api)
    {
        var tasks = await api.GetFromJsonAsync<JsonElement>("/api/v1/tasks");
        return tasks.EnumerateArray().Select(task => task.GetProperty("title").GetString()!).ToList();
    }

    /// <summary>Whitespace-insensitive text, for comparing what the page shows with stored text.</summary>
    public static string Squash(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"/chat/([0-9a-f-]{36})")]
    private static partial Regex ConversationInUrl();

    [GeneratedRegex(@"/chat(/[0-9a-f-]{36})?(\?.*)?$")]
    private static partial Regex ChatPath();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
