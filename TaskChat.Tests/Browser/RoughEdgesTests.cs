using System.Net;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>The rough edges a new user hit, each as they would meet it in the browser.</summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class RoughEdgesTests(BrowserFixture browser)
{
    [Fact]
    public async Task AMissingConversationIsAPageForPeopleAndProblemDetailsForTheApi()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);

        var response = await page.GotoAsync($"/chat/{Guid.NewGuid()}");
        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        Assert.StartsWith("text/html", response.Headers["content-type"]);
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Go to your chats" })).ToBeVisibleAsync();
        Assert.DoesNotContain("\"status\"", await page.ContentAsync());

        await page.GotoAsync("/no-such-page");
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();

        using var api = app.CreateClient(user);
        using var apiResponse = await api.GetAsync($"/api/v1/conversations/{Guid.NewGuid()}/messages");
        Assert.Equal(HttpStatusCode.NotFound, apiResponse.StatusCode);
        await apiResponse.ReadProblemAsync();
    }

    [Fact]
    public async Task SignInAndSignUpSendASignedInUserToTheChat()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);

        await page.GotoAsync("/signin");
        await Expect(page).ToHaveURLAsync(ChatUrl());
        await page.GotoAsync("/signup");
        await Expect(page).ToHaveURLAsync(ChatUrl());
    }

    [Fact]
    public async Task SignUpSaysEveryProblemAtOnceInTheWordsOfTheForm()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var taken = await app.CreateUserAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/signup");
        await page.GetByLabel("Email").FillAsync("not-an-email");
        await page.GetByLabel("Password").FillAsync("short");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.Email']")).ToContainTextAsync("Enter a valid email address.");
        await Expect(page.Locator("[data-valmsg-for='Input.Password']")).ToContainTextAsync("at least 10 characters");

        await page.GetByLabel("Email").FillAsync(taken.Email);
        await page.GetByLabel("Password").FillAsync("a long enough password");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.Email']")).ToContainTextAsync("An account with this email already exists.");
        Assert.DoesNotContain("Username", await page.Locator("form").InnerTextAsync());
    }

    [Fact]
    public async Task TheThemeChoiceSurvivesAReloadInEachOfItsThreeStates()
    {
        await using var app = await TaskChatApplication.StartAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = Microsoft.Playwright.ColorScheme.Light });
        await page.GotoAsync("/signin");
        var toggle = page.Locator("#theme-toggle");
        var html = page.Locator("html");

        // system (light here) -> dark -> light -> system, each kept across a reload.
        foreach (var (choice, background) in ((string, string)[])[("dark", "rgb(15, 17, 23)"), ("light", "rgb(246, 247, 251)"), ("system", "rgb(246, 247, 251)")])
        {
            await toggle.ClickAsync();
            await Expect(toggle).ToHaveAttributeAsync("data-choice", choice);
            await page.ReloadAsync();
            await Expect(toggle).ToHaveAttributeAsync("data-choice", choice);
            await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", background);
            if (choice == "system")
            {
                await Expect(html).Not.ToHaveAttributeAsync("data-theme", new System.Text.RegularExpressions.Regex("."));
                await page.EmulateMediaAsync(new() { ColorScheme = Microsoft.Playwright.ColorScheme.Dark });
                await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(15, 17, 23)");
            }
            else
            {
                await Expect(html).ToHaveAttributeAsync("data-theme", choice);
            }
        }
    }

    [Fact]
    public async Task TheLandingPageShowsWhatTaskChatDoesAndOneWayIn()
    {
        await using var app = await TaskChatApplication.StartAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var demo = page.Locator(".demo");
        await Expect(demo.Locator("li.message.user")).ToHaveCountAsync(3);
        await Expect(demo.Locator(".tool-card")).ToHaveCountAsync(2);
        await Expect(demo).ToContainTextAsync("will be deleted once you confirm");
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Create your account" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Sign in" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Sign up" })).ToHaveCountAsync(0);

        // On a phone nothing is wider than the screen.
        await page.SetViewportSizeAsync(390, 844);
        var wide = await page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
                .map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`).join(', ')
            """);
        Assert.True(wide.Length == 0, $"Wider than the screen: {wide}");
    }

    [Fact]
    public async Task TheHeaderShowsTheWholeEmailOnADesktopAndTheMenuOnAPhone()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);
        await page.SetViewportSizeAsync(1280, 800);

        var name = page.Locator(".user-menu .user-name");
        await Expect(name).ToHaveTextAsync(user.Email);
        Assert.True(await name.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"), "The email in the header is cut.");

        await page.SetViewportSizeAsync(390, 844);
        await page.Locator(".user-menu summary").ClickAsync();
        var label = page.Locator(".user-menu .menu-label");
        await Expect(label).ToContainTextAsync(user.Email);
        var box = await label.BoundingBoxAsync();
        Assert.True(box!.X >= 0 && box.X + box.Width <= 390, $"The menu's email runs off the screen ({box.X}, {box.Width}).");
    }

    [Fact]
    public async Task ASettledDeletionCardSaysWhatHappenedAndNoCardNamesATool()
    {
        await using var world = await SignedInPage.StartAsync(browser, "Buy milk", "Call mom");
        var page = world.Page;

        await SendAsync(page, "Delete task 1");
        await WaitForRepliesAsync(page, 1);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await WaitForRepliesAsync(page, 2);
        await SendAsync(page, "Delete task 2");
        await WaitForRepliesAsync(page, 3);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await WaitForRepliesAsync(page, 4);

        for (var load = 0; load < 2; load++)
        {
            var deleted = page.Locator("#messages .tool-card[data-status=confirmed] .tool-result");
            var kept = page.Locator("#messages .tool-card[data-status=declined] .tool-result");
            await Expect(deleted).ToHaveTextAsync("Deleted “Buy milk”");
            await Expect(kept).ToHaveTextAsync("Kept “Call mom”");
            var cards = string.Join('\n', await page.Locator("#messages .tool-card").AllInnerTextsAsync());
            Assert.DoesNotContain("not been deleted yet", cards);
            foreach (var name in ToolNameValues())
            {
                Assert.DoesNotContain(name, cards);
            }

            await page.ReloadAsync();
            await WaitLiveAsync(page);
        }
    }

    [Fact]
    public async Task AListInAReplyHasOneMarkerPerLine()
    {
        await using var world = await SignedInPage.StartAsync(browser, "Buy milk", "Call mom");
        var page = world.Page;

        await SendAsync(page, "Show me my tasks");
        await WaitForRepliesAsync(page, 1);
        await WaitForRenderedAsync(LastReply(page));
        var items = LastReply(page).Locator(".content.markdown li");
        await Expect(items).ToHaveCountAsync(2);
        // A marker is the list's own (a bullet or number) or one written at the start of the line.
        var markers = await items.EvaluateAllAsync<int[]>("""
            items => items.map(li => (getComputedStyle(li).display === 'list-item' && getComputedStyle(li).listStyleType !== 'none' ? 1 : 0)
                + (/^[☐☑☒✓✔•*-]/.test(li.textContent.trim()) ? 1 : 0))
            """);
        Assert.All(markers, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task AToolCardWithA200CharacterTitleWrapsInsideTheReply()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);
        // One task: no "and" or comma, which the assistant would read as several.
        var title = "Call the insurance company about the claim for the broken kitchen window to ask for the adjuster "
            + "Reference" + new string('X', 94);
        Assert.Equal(200, title.Length);

        await SendAsync(page, $"Add {title}");
        await WaitForRepliesAsync(page, 1);
        await WaitForRenderedAsync(LastReply(page));
        var card = LastReply(page).Locator(".tool-card");
        await Expect(card.Locator(".tool-words")).ToContainTextAsync(title);
        foreach (var width in (int[])[1280, 390])
        {
            await page.SetViewportSizeAsync(width, 844);
            await Expect(card.Locator(".tool-icon")).ToBeVisibleAsync();
            var icon = (await card.Locator(".tool-icon").BoundingBoxAsync())!;
            var words = (await card.Locator(".tool-words").BoundingBoxAsync())!;
            var bubble = (await LastReply(page).Locator(".bubble").BoundingBoxAsync())!;
            Assert.True(Math.Abs(icon.Y - words.Y) < 4, $"At {width} px the icon ({icon.Y}) is not on the title's first line ({words.Y}).");
            Assert.True(words.X > icon.X + icon.Width, $"At {width} px the title is not beside the icon.");
            Assert.True(words.X + words.Width <= bubble.X + bubble.Width + 0.5, $"At {width} px the title runs out of the reply.");
            Assert.True(await card.EvaluateAsync<bool>("c => c.scrollWidth <= c.clientWidth"), $"At {width} px the card overflows.");
            Assert.True(await page.Locator("#chat-scroll").EvaluateAsync<bool>("s => s.scrollWidth <= s.clientWidth"), $"At {width} px the chat scrolls sideways.");
        }
    }

    private static IEnumerable<string> ToolNameValues() =>
        typeof(TaskChat.Web.Assistant.ToolNames).GetFields().Where(field => field.IsLiteral).Select(field => (string)field.GetRawConstantValue()!);
}
