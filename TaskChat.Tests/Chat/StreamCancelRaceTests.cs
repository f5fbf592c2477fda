using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Tests.Chat;

/// <summary>
/// A client that disposes its stream the moment <c>message_completed</c> arrives, and sends again
/// at once, races the server's own end of that stream. No such client may lose its connection.
/// </summary>
public sealed class StreamCancelRaceTests
{
    private const int Rounds = 1000;
    private const int Connections = 10;

    [Fact]
    public async Task DisposingEveryStreamOnMessageCompletedNeverClosesTheConnection()
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = AppEnvironment.Defaults();
        foreach (var (key, value) in database.EnvironmentVariables)
        {
            environment[key] = value;
        }

        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // A thousand turns a minute from one user is what the per-user limit is there to refuse;
        // this test is about the stream's end, so the limit is lifted for it.
        environment["RateLimits__TurnsPerMinute"] = "1000000";
        await using var app = await AppProcess.StartAsync(environment);
        var user = await DurabilityTests.CreateUserAsync(app);

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => RunAsync(app.BaseAddress, user, Rounds / Connections)));

        var closed = results.Where(r => r.Closed is not null).Select(r => r.Closed).ToList();
        if (closed.Count > 0)
        {
            Assert.Fail($"{closed.Count} of {Connections} connections were closed by the server: {closed[0]}\n{app.Output[^Math.Min(app.Output.Length, 4000)..]}");
        }

        Assert.Equal(Rounds, results.Sum(r => r.Completed));
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"{Rounds} rounds took {clock.Elapsed}.");
    }

    /// <summary>The workaround reaches into SignalR's internals; a version that moves them must be noticed.</summary>
    [Fact]
    public void TheWorkaroundFindsTheInternalsOfThisSignalRVersion() => Assert.True(TaskChat.Web.Chat.Endpoints.StreamCancellation.IsAvailable);

    [Fact]
    public async Task ACancelThatMeetsTheStreamsOwnEndDoesNotCloseTheConnection()
    {
        await using var app = await TaskChatApplication.StartAsync(StreamCancelWindow.Settings, configureServices: StreamCancelWindow.Widen);
        var user = await app.CreateUserAsync();

        var (completed, closed) = await RunAsync(app.ServerAddress, user, rounds: 10);

        Assert.True(app.Logs.Text.Contains("Canceling stream", StringComparison.Ordinal), "No cancel reached the server while its stream was ending.");
        Assert.True(closed is null, $"The server closed the connection: {closed}");
        Assert.Equal(10, completed);
    }

    private static async Task<(int Completed, string? Closed)> RunAsync(Uri server, Infrastructure.Clients.TestUser user, int rounds)
    {
        await using var chat = await ChatConnection.ConnectAsync(server, user);
        string? closed = null;
        chat.Hub.Closed += error =>
        {
            closed = error?.Message ?? "closed without an error";
            return Task.CompletedTask;
        };

        Guid? conversationId = null;
        var completed = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        for (var round = 0; round < rounds && closed is null; round++)
        {
            using var stream = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
            try
            {
                await foreach (var chatEvent in chat.Send("hello", conversationId, cancellationToken: stream.Token))
                {
                    conversationId ??= chatEvent.ConversationId;
                    Assert.False(chatEvent is ErrorEvent, $"Round {round}: {(chatEvent as ErrorEvent)?.Code} {(chatEvent as ErrorEvent)?.Message}");
                    if (chatEvent is MessageCompletedEvent)
                    {
                        completed++;

                        // Cancelled at once, before the server's end of the stream has been read:
                        // the client's CancelInvocation crosses the server's completion.
                        stream.Cancel();
                    }
                }
            }
            catch (OperationCanceledException) when (stream.IsCancellationRequested && !timeout.IsCancellationRequested)
            {
            }
            catch (Exception exception) when (chat.Hub.State != HubConnectionState.Connected)
            {
                closed ??= exception.Message;
            }
        }

        return (completed, closed);
    }
}
