using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Browser;

/// <summary>A screenshot for a person to look at; with TASKCHAT_UPDATE_DOCS=1 also written to docs/.</summary>
internal static class DocsScreenshot
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name), Animations = ScreenshotAnimations.Disabled });
        if (Environment.GetEnvironmentVariable("TASKCHAT_UPDATE_DOCS") == "1")
        {
            await File.WriteAllBytesAsync(Path.Combine(RepositoryPaths.Root, "docs", name), bytes);
        }
    }
}
