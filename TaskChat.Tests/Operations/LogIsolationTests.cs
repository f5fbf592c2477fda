using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Operations;

/// <summary>
/// Each app writes to its own logger, never to Serilog's static one: with several apps in one
/// process (this suite runs many at once), each one's logs hold its own events and no others.
/// </summary>
public sealed class LogIsolationTests
{
    [Fact]
    public async Task TwoAppsInOneProcessKeepTheirLogsApart()
    {
        await using var first = await TaskChatApplication.StartAsync();
        await using var second = await TaskChatApplication.StartAsync();
        var firstPath = $"/no-such-page-{Guid.NewGuid():N}";
        var secondPath = $"/no-such-page-{Guid.NewGuid():N}";

        using (var client = first.CreateAnonymousClient())
        {
            (await client.GetAsync(firstPath)).Dispose();
        }

        using (var client = second.CreateAnonymousClient())
        {
            (await client.GetAsync(secondPath)).Dispose();
        }

        // Request logs are written as the response completes; give them a moment (bounded).
        for (var wait = 0; wait < 50 && !(Logged(first, firstPath) && Logged(second, secondPath)); wait++)
        {
            await Task.Delay(100);
        }

        Assert.True(Logged(first, firstPath));
        Assert.True(Logged(second, secondPath));
        Assert.False(Logged(first, secondPath));
        Assert.False(Logged(second, firstPath));
    }

    private static bool Logged(TaskChatApplication app, string path) =>
        app.Logs.Lines.Any(line => line.Contains(path, StringComparison.Ordinal));
}
