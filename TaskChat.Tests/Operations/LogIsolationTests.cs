using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Operations;

/// <summary>
/// Each app writes to its own logger, never to Serilog's static one: with several apps in one
/// process (this suite runs many at once), each one's logs hold its own events and no others.
/// </summary>
public sealed class LogIsolationTests
{
    /// <summary>
    /// SignalR and Kestrel ask for loggers on every connection: a factory that made a new one
    /// each time (Serilog's does) cost every idle connection kilobytes.
    /// </summary>
    [Fact]
    public async Task TheAppKeepsOneLoggerPerCategory()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var factory = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.Same(factory.CreateLogger("Microsoft.AspNetCore.SignalR.HubConnectionContext"), factory.CreateLogger("Microsoft.AspNetCore.SignalR.HubConnectionContext"));
        Assert.NotSame(factory.CreateLogger("TaskChat.One"), factory.CreateLogger("TaskChat.Two"));
    }

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
