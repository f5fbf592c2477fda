using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Infrastructure.Clients;

/// <summary>
/// One headless Debian Chromium (<c>/usr/bin/chromium</c>, or <c>TASKCHAT_CHROMIUM</c>) per
/// test collection; every test opens its own <see cref="IBrowserContext"/>, so cookies and
/// storage never leak between tests. Playwright's own browser download is never used.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("TASKCHAT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not started.");

    /// <summary>Where tests leave screenshots for a person to look at.</summary>
    public static string ScreenshotDirectory
    {
        get
        {
            var directory = Path.Combine(
                Environment.GetEnvironmentVariable("TASKCHAT_TEST_ARTIFACTS") is { Length: > 0 } root
                    ? root
                    : Path.Combine(AppContext.BaseDirectory, "artifacts"),
                "screenshots");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {ExecutablePath}. Install Debian's chromium (scripts/test.sh does) or set TASKCHAT_CHROMIUM.");
        }

        // Expect(...) waits 5 s by default: on the 2-core CI machine, with the suites running
        // beside the browser, a page that does the right thing has taken longer than that.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Microsoft.Playwright.Playwright.CreateAsync().WaitAsync(TestSettings.Timeout);
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
            Timeout = (float)TestSettings.StartupTimeout.TotalMilliseconds,
        }).WaitAsync(TestSettings.StartupTimeout);
    }

    /// <summary>A fresh context (its own cookies) with Playwright's waits capped at the test timeout.</summary>
    /// <param name="timeZoneId">
    /// The browser's IANA zone; by default the machine's. Pages move the account to the browser's
    /// zone, so a test whose user lives elsewhere must give the browser that user's zone.
    /// </param>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress, string? timeZoneId = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            TimezoneId = timeZoneId,
        }).WaitAsync(TestSettings.Timeout);
        context.SetDefaultTimeout((float)TestSettings.Timeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)TestSettings.Timeout.TotalMilliseconds);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}
