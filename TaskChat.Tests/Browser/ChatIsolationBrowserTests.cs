using System.Net;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>Two people in two browsers: each sees only their own conversations.</summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class ChatIsolationBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task EachUserSeesOnlyTheirOwnConversations()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var alice = await app.CreateUserAsync();
        var bob = await app.CreateUserAsync();
        await using var aliceContext = await browser.NewContextAsync(app.ServerAddress);
        await using var bobContext = await browser.NewContextAsync(app.ServerAddress);
        var alicePage = await SignInAsync(aliceContext, alice);
        var bobPage = await SignInAsync(bobContext, bob);

        await SendAsync(alicePage, "Add apples for alice to my list");
        await SendAsync(bobPage, "Add bananas for bob to my list");
        await WaitForRepliesAsync(alicePage, 1);
        await WaitForRepliesAsync(bobPage, 1);
        var aliceConversation = ConversationIdOf(alicePage);
        var aliceReply = await LastReply(alicePage).GetAttributeAsync("data-message-id");

        await alicePage.ReloadAsync();
        await bobPage.ReloadAsync();
        await Expect(alicePage.Locator("#conversation-list li.conversation")).ToHaveCountAsync(1);
        await Expect(alicePage.Locator("#conversation-list")).ToContainTextAsync("Apples for alice");
        await Expect(bobPage.Locator("#conversation-list li.conversation")).ToHaveCountAsync(1);
        await Expect(bobPage.Locator("#conversation-list")).ToContainTextAsync("Bananas for bob");

        // Alice's conversation and its messages are not found for Bob, whatever the door.
        var page = await bobPage.GotoAsync($"/chat/{aliceConversation}");
        Assert.Equal((int)HttpStatusCode.NotFound, page!.Status);
        var fragment = await bobPage.APIRequest.GetAsync($"/chat/{aliceConversation}?handler=Message&messageId={aliceReply}");
        Assert.Equal((int)HttpStatusCode.NotFound, fragment.Status);
        var history = await bobPage.APIRequest.GetAsync($"/chat/{aliceConversation}?handler=History&before=100");
        Assert.Equal((int)HttpStatusCode.NotFound, history.Status);

        // Bob's remembered conversation is not replaced by anything of Alice's: /chat reopens his own.
        await bobPage.GotoAsync("/chat");
        await Expect(bobPage.Locator("#messages li.message.user")).ToHaveTextAsync("Add bananas for bob to my list");
    }
}
