using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using static Microsoft.Playwright.Assertions;
using static TaskChat.Tests.Browser.ChatBrowser;

namespace TaskChat.Tests.Browser;

/// <summary>
/// axe-core finds no serious or critical WCAG 2.2 AA violation on any page, in either theme,
/// on a desktop and on a phone. One app and one conversation per theme: a tool card and a
/// deletion card, checked before and after the deletion is settled.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Category.Name, Category.Browser)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    private static readonly (int Width, int Height)[] Sizes = [(1280, 800), (390, 844)];

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task NoPageHasASeriousOrCriticalViolation(string theme)
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        await api.CreateTaskAsync("Call the dentist");
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var violations = new List<string>();

        var visitor = await context.NewPageAsync();
        await visitor.EmulateMediaAsync(new() { ColorScheme = Scheme(theme) });
        foreach (var path in (string[])["/", "/signup", "/signin"])
        {
            violations.AddRange(await CheckAsync(visitor, path, theme));
        }

        var page = await SignInAsync(context, user);
        await page.EmulateMediaAsync(new() { ColorScheme = Scheme(theme) });
        await SendAsync(page, "Add buy milk to my list");
        await WaitForRepliesAsync(page, 1);
        await SendAsync(page, "Delete task 1");
        await WaitForRepliesAsync(page, 2);
        var chat = page.Url;
        foreach (var path in (string[])[chat, "/tasks", "/account", "/usage"])
        {
            violations.AddRange(await CheckAsync(page, path, theme));
        }

        await page.GotoAsync(chat);
        await WaitLiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await WaitForRepliesAsync(page, 3);
        violations.AddRange(await CheckAsync(page, chat, theme, "settled"));

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    /// <summary>axe-core checks text; the edges of controls (fields, check circles) need 3:1 against what is around them too.</summary>
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task ControlEdgesStandOutFromWhatIsAroundThem(string theme)
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        await api.CreateTaskAsync("Call the dentist");
        await using var context = await browser.NewContextAsync(app.ServerAddress);
        var page = await SignInAsync(context, user);
        await page.EmulateMediaAsync(new() { ColorScheme = Scheme(theme) });
        var weak = new List<string>();
        foreach (var (path, selectors) in ((string, string[])[]) [
            ("/chat", [".composer"]),
            ("/tasks", ["#task-list .check", "input[name=newTitle]", "textarea[name=newDescription]", "select[name=newPriority]", "input[name=newDueDate]"]),
        ])
        {
            await page.GotoAsync(path);
            // A focused field shows the accent instead; the resting edge is the one to measure.
            await page.EvaluateAsync("() => document.activeElement?.blur()");
            weak.AddRange(await page.EvaluateAsync<string[]>(EdgeContrast, selectors));
        }

        Assert.True(weak.Count == 0, $"{theme}: " + string.Join("; ", weak));
    }

    /// <summary>Each selector's border against the first opaque background around it, below 3:1 or missing.</summary>
    private const string EdgeContrast = """
        selectors => {
            const rgb = (text) => (text.match(/[\d.]+/g) ?? []).map(Number);
            const lum = ([r, g, b]) => [r, g, b].map(c => c / 255).map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
                .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
            return selectors.flatMap(selector => {
                const element = document.querySelector(selector);
                if (!element) return [`${selector} is missing`];
                let around = element.parentElement, background = [255, 255, 255];
                for (; around; around = around.parentElement) {
                    const color = rgb(getComputedStyle(around).backgroundColor);
                    if (color.length === 3 || color[3] > 0) { background = color; break; }
                }
                const [a, b] = [lum(rgb(getComputedStyle(element).borderTopColor)), lum(background)].sort((x, y) => y - x);
                const ratio = (a + 0.05) / (b + 0.05);
                return ratio >= 3 ? [] : [`${selector} ${ratio.toFixed(2)}:1`];
            });
        }
        """;

    /// <summary>The page at both sizes, each after a fresh load so the layout is the one a person gets.</summary>
    private static async Task<List<string>> CheckAsync(IPage page, string path, string theme, string state = "")
    {
        var found = new List<string>();
        foreach (var (width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync(path);
            await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", theme == "dark" ? "rgb(15, 17, 23)" : "rgb(246, 247, 251)");
            var where = $"{new Uri(page.Url).AbsolutePath} {state} {theme} {width}x{height}".Replace("  ", " ");
            found.AddRange(await AxeCheck.SeriousViolationsAsync(page, where));
        }

        return found;
    }

    private static ColorScheme Scheme(string theme) => theme == "dark" ? ColorScheme.Dark : ColorScheme.Light;
}
