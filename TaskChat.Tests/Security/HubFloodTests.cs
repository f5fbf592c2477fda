using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Security;
using Xunit.Abstractions;

namespace TaskChat.Tests.Security;

/// <summary>
/// The flood the hardening pass found (thousands of sends without a conversation id from one
/// user), with the default limits: it is refused with <c>rate_limited</c>, it cannot make more
/// than the limit's conversations, and a second user chatting meanwhile barely notices.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class HubFloodTests(TaskChatApplication app, ITestOutputHelper output) : IClassFixture<TaskChatApplication>
{
    // The pace of the reproduced flood (10,000 sends in 37.5 s), bounded in count and time.
    private const int FloodSends = 2_000;
    private const int FloodConnections = 4;
    private static readonly TimeSpan FloodBudget = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PerSend = TimeSpan.FromSeconds(37.5 / 10_000 * FloodConnections);
    // Three rounds of samples and two warm-up turns stay under the second user's own turn limit.
    private const int Samples = 8;

    [Fact]
    public async Task AFloodFromOneUserIsRateLimitedAndAnotherUsersFirstTokenStaysWithinThreeTimesItsIdleFigure()
    {
        var limits = new RateLimitOptions();
        var flooder = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        await using var otherChat = await ChatConnection.ConnectAsync(app.ServerAddress, other);
        var conversationId = (await otherChat.SendAndWaitAsync("Create a task to water the plants")).ConversationId;
        await FirstTokenAsync(otherChat, conversationId); // warm-up, not counted

        // Idle is measured before and after the flood, so that load from outside the test (a shared
        // machine) weighs on both figures alike.
        var idle = new List<double>();
        await SampleAsync(otherChat, conversationId, idle, TimeSpan.Zero);

        var connections = new List<ChatConnection>();
        for (var i = 0; i < FloodConnections; i++)
        {
            connections.Add(await ChatConnection.ConnectAsync(app.ServerAddress, flooder));
        }

        FloodResult flood;
        var during = new List<double>();
        try
        {
            using var stop = new CancellationTokenSource(FloodBudget);
            var floodTask = Task.WhenAll(connections.Select(connection => FloodAsync(connection, FloodSends / FloodConnections, stop.Token)));
            await Task.Delay(200); // the flood is under way
            await SampleAsync(otherChat, conversationId, during, FloodBudget / 4 / Samples);
            flood = FloodResult.Sum(await floodTask);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }

        await SampleAsync(otherChat, conversationId, idle, TimeSpan.Zero);
        var idleMedian = Median(idle);
        var duringMedian = Median(during);
        output.WriteLine($"flood: {flood.Sends} sends in {flood.Elapsed.TotalSeconds:0.0} s, {flood.Turns} turns started, {flood.Limited} rate_limited");
        output.WriteLine($"second user's time to first token, median of {idle.Count} idle and {during.Count} during: idle {idleMedian:0.0} ms, during the flood {duringMedian:0.0} ms");

        Assert.True(flood.Limited > flood.Sends / 2, $"Only {flood.Limited} of {flood.Sends} sends were refused.");
        Assert.True(flood.Turns <= 2 * limits.TurnsPerMinute, $"{flood.Turns} turns started; the limit is {limits.TurnsPerMinute} a minute.");
        Assert.True(flood.RetryAfter is > 0 and <= 60, $"retry_after_seconds was {flood.RetryAfter}");
        using var api = app.CreateClient(flooder);
        var conversations = await api.GetFromJsonAsync<JsonElement>("/api/v1/conversations");
        Assert.InRange(conversations.GetArrayLength(), 1, 2 * limits.TurnsPerMinute);
        Assert.True(duringMedian <= 3 * idleMedian, $"Time to first token went from {idleMedian:0.0} ms to {duringMedian:0.0} ms.");
    }

    [Fact]
    public void RetryAfterSecondsIsOnTheWireOnlyWhenThereIsOne()
    {
        var plain = JsonSerializer.Serialize<ChatEvent>(new ErrorEvent(Guid.Empty, 0, "turn_in_progress", "Wait."), Web.Operations.JsonDefaults.Wire);
        var limited = JsonSerializer.Serialize<ChatEvent>(new ErrorEvent(Guid.Empty, 0, "rate_limited", "Wait.", 12), Web.Operations.JsonDefaults.Wire);

        Assert.DoesNotContain("retry_after", plain);
        Assert.Contains("\"retry_after_seconds\":12", limited);
    }

    private static async Task SampleAsync(ChatConnection chat, Guid conversationId, List<double> into, TimeSpan pause)
    {
        for (var i = 0; i < Samples; i++)
        {
            into.Add(await FirstTokenAsync(chat, conversationId));
            await Task.Delay(pause);
        }
    }

    private static async Task<double> FirstTokenAsync(ChatConnection chat, Guid conversationId)
    {
        using var timeout = new CancellationTokenSource(TestSettings.Timeout);
        var clock = Stopwatch.StartNew();
        double? first = null;
        await foreach (var chatEvent in chat.Send("show me my tasks", conversationId, cancellationToken: timeout.Token))
        {
            first ??= chatEvent is TokenEvent ? clock.Elapsed.TotalMilliseconds : null;
            Assert.False(chatEvent is ErrorEvent, $"The second user got an error: {(chatEvent as ErrorEvent)?.Code}");
        }

        return first ?? throw new InvalidOperationException("The reply had no token.");
    }

    private static async Task<FloodResult> FloodAsync(ChatConnection connection, int sends, CancellationToken stop)
    {
        var result = new FloodResult();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < sends && !stop.IsCancellationRequested; i++)
        {
            var events = new List<ChatEvent>();
            try
            {
                await foreach (var chatEvent in connection.Send($"create a task to flood {i}", cancellationToken: stop))
                {
                    events.Add(chatEvent);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }

            result.Sends++;
            if (events.OfType<ErrorEvent>().FirstOrDefault(e => e.Code == "rate_limited") is { } limited)
            {
                result.Limited++;
                result.RetryAfter = limited.RetryAfterSeconds;
            }
            else if (events.OfType<TurnStartedEvent>().Any())
            {
                result.Turns++;
            }

            var due = PerSend * (i + 1) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, CancellationToken.None);
            }
        }

        result.Elapsed = clock.Elapsed;
        return result;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private sealed class FloodResult
    {
        public int Sends { get; set; }
        public int Turns { get; set; }
        public int Limited { get; set; }
        public int? RetryAfter { get; set; }
        public TimeSpan Elapsed { get; set; }

        public static FloodResult Sum(IEnumerable<FloodResult> parts)
        {
            var all = parts.ToList();
            return new FloodResult
            {
                Sends = all.Sum(p => p.Sends),
                Turns = all.Sum(p => p.Turns),
                Limited = all.Sum(p => p.Limited),
                RetryAfter = all.Select(p => p.RetryAfter).FirstOrDefault(r => r is not null),
                Elapsed = all.Max(p => p.Elapsed),
            };
        }
    }
}
