using System.Diagnostics;
using System.Text.RegularExpressions;
using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Hosting;
using Xunit.Abstractions;

namespace TaskChat.Tests.ScaleOut;

/// <summary>What a streaming turn costs Redis, counted by the redis-server itself (INFO commandstats).</summary>
public sealed partial class RedisTrafficTests(ITestOutputHelper output) : IAsyncLifetime
{
    private RedisServer redis = null!;
    private TaskChatApplication app = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        app = await TaskChatApplication.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Assistant:Offline:TokenDelayMs"] = "10",
        });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task TheTurnBufferExpiryIsRefreshedAtMostOncePerSecondNotPerToken()
    {
        await using var slow = await SlowConversation.StartAsync(app);
        var (user, http, chat, conversationId) = slow;

        await redis.CommandAsync("CONFIG RESETSTAT");
        var elapsed = Stopwatch.StartNew();
        var turn = await chat.SendAndWaitAsync(SlowReplies.Prompt, conversationId);
        var seconds = elapsed.Elapsed.TotalSeconds;
        var stats = await redis.CommandAsync("INFO commandstats");

        output.WriteLine($"{turn.Events.Count} events in {seconds:0.00} s: " + string.Join(", ",
            new[] { "rpush", "publish", "expire", "pexpire", "evalsha", "eval", "set", "del" }.Select(c => $"{c} {Calls(stats, c)}")));
        Assert.True(turn.Tokens.Count >= 50, $"The turn streamed {turn.Tokens.Count} tokens.");
        Assert.True(Calls(stats, "rpush") >= turn.Events.Count, $"RPUSH {Calls(stats, "rpush")} for {turn.Events.Count} events.");
        Assert.True(Calls(stats, "publish") >= turn.Events.Count);
        // EXPIRE is the turn buffer's (in whole seconds); the lease heartbeat's PEXPIRE is once a second per lease.
        var expires = Calls(stats, "expire");
        Assert.InRange(expires, 1, Math.Ceiling(seconds) + 2);
        Assert.InRange(Calls(stats, "pexpire"), 0, Math.Ceiling(seconds) + 1);
    }

    private static long Calls(string stats, string command) =>
        CallsPattern().Matches(stats).Where(m => m.Groups["name"].Value == command).Sum(m => long.Parse(m.Groups["calls"].Value));

    [GeneratedRegex(@"cmdstat_(?<name>[a-z]+):calls=(?<calls>\d+)")]
    private static partial Regex CallsPattern();
}
