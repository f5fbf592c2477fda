using System.Diagnostics;
using System.Net;
using Npgsql;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Tests.Models;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Tests.Chat;

/// <summary>
/// A reply that ends while the database is unreachable is saved once it is back, and nobody hears
/// "completed" before it is; if it stays away too long the reply is reported failed with what was
/// saved. Only this app's database goes away (a proxy in front of PostgreSQL is cut), never the server.
/// </summary>
[Trait(Category.Name, Category.Postgres)]
public sealed class DatabaseOutageTests
{
    private static readonly string[] Before = ["The first half ", "of the reply, "];
    private static readonly string[] After = ["and the second half ", "written during the outage."];

    [Fact]
    public async Task AReplyThatEndsDuringAnOutageIsStoredCompleteAndNobodyHearsCompletedBeforeIt()
    {
        await using var world = await OutageWorld.StartAsync();
        var gate = new TaskCompletionSource();
        world.Model.Enqueue(ScriptedReply.Gated(gate.Task, Before, After));

        var sender = world.Record(world.Chat.Send("tell me a story"));
        var conversationId = await sender.WaitForTextAsync(string.Concat(Before));
        await using var watcherChat = await ChatConnection.ConnectAsync(world.App.ServerAddress, world.User);
        var watcher = world.Record(watcherChat.Watch(conversationId));
        await Task.Delay(TimeSpan.FromMilliseconds(600)); // past a partial flush, so the watch is live too

        world.Proxy.Cut();
        gate.SetResult();
        await sender.WaitForTextAsync(string.Concat(Before) + string.Concat(After));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Null(sender.Completed);
        Assert.Null(watcher.Completed);

        var restoredAt = Stopwatch.GetTimestamp();
        world.Proxy.Restore();
        var completed = await sender.WaitForCompletionAsync();
        await watcher.WaitForCompletionAsync();

        Assert.Equal((MessageStatus.Completed, string.Concat(Before) + string.Concat(After)), (completed.Event.Status, completed.Event.Content));
        Assert.True(completed.At > restoredAt && watcher.Completed!.Value.At > restoredAt, "Told completed before the database was back.");
        Assert.Equal(completed.Event.Content, watcher.Completed!.Value.Event.Content);
        Assert.DoesNotContain(sender.Events, e => e is ErrorEvent);
        var stored = (await world.Http.MessagesAsync(conversationId)).Messages[^1];
        Assert.Equal((MessageStatus.Completed, completed.Event.Content), (stored.Status, stored.Content));
    }

    [Fact]
    public async Task AnOutageLongerThanTheRetryWindowIsReportedAsAFailureWithWhatWasSaved()
    {
        await using var world = await OutageWorld.StartAsync(("Chat:FinalWriteRetryWindow", "00:00:02"));
        var gate = new TaskCompletionSource();
        world.Model.Enqueue(ScriptedReply.Gated(gate.Task, Before, After));

        var sender = world.Record(world.Chat.Send("tell me a story"));
        var conversationId = await sender.WaitForTextAsync(string.Concat(Before));
        await Task.Delay(TimeSpan.FromMilliseconds(600)); // past a partial flush

        world.Proxy.Cut();
        gate.SetResult();
        var completed = await sender.WaitForCompletionAsync();
        world.Proxy.Restore();

        Assert.Equal((MessageStatus.Failed, string.Concat(Before)), (completed.Event.Status, completed.Event.Content));
        Assert.Equal(ChatErrorCodes.ReplyNotSaved, Assert.Single(sender.Events.OfType<ErrorEvent>()).Code);
        var stored = (await world.Http.MessagesAsync(conversationId)).Messages[^1];
        Assert.Equal(string.Concat(Before), stored.Content);
    }

    /// <summary>The scripted model, an app whose PostgreSQL is reached through a proxy, a user and a connection.</summary>
    private sealed class OutageWorld : IAsyncDisposable
    {
        private readonly List<Task> readers = [];

        public required ScriptedModelServer Model { get; init; }
        public required TestDatabase Database { get; init; }
        public required TcpProxy Proxy { get; init; }
        public required TaskChatApplication App { get; init; }
        public required TestUser User { get; init; }
        public required HttpClient Http { get; init; }
        public required ChatConnection Chat { get; init; }

        public static async Task<OutageWorld> StartAsync(params (string Key, string? Value)[] extra)
        {
            var model = await ScriptedModelServer.StartAsync();
            var database = (PostgresTestDatabase)await TestDatabase.CreatePostgresAsync();
            var direct = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            var proxy = new TcpProxy(new IPEndPoint(IPAddress.Loopback, direct.Port));
            var settings = ModelHarness.Settings(model, extra);
            settings["ConnectionStrings:TaskChat"] = new NpgsqlConnectionStringBuilder(database.ConnectionString)
            {
                Host = "127.0.0.1",
                Port = proxy.Port,
                Timeout = 2,
            }.ConnectionString;
            var app = await TaskChatApplication.StartAsync(settings, database);
            var user = await app.CreateUserAsync();
            return new OutageWorld
            {
                Model = model,
                Database = database,
                Proxy = proxy,
                App = app,
                User = user,
                Http = app.CreateClient(user),
                Chat = await ChatConnection.ConnectAsync(app.ServerAddress, user),
            };
        }

        public Recording Record(IAsyncEnumerable<ChatEvent> stream)
        {
            var recording = new Recording();
            readers.Add(recording.ReadAsync(stream));
            return recording;
        }

        public async ValueTask DisposeAsync()
        {
            Proxy.Restore();
            await Chat.DisposeAsync();
            Http.Dispose();
            await App.DisposeAsync();
            await Proxy.DisposeAsync();
            await Database.DisposeAsync();
            await Model.DisposeAsync();
        }
    }

    /// <summary>A stream read in the background: its events, its text so far, and when message_completed came.</summary>
    private sealed class Recording
    {
        private readonly List<ChatEvent> events = [];
        private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<ChatEvent> Events
        {
            get
            {
                lock (events)
                {
                    return [.. events];
                }
            }
        }

        public (MessageCompletedEvent Event, long At)? Completed { get; private set; }

        public async Task ReadAsync(IAsyncEnumerable<ChatEvent> stream)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try
            {
                await foreach (var chatEvent in stream.WithCancellation(timeout.Token))
                {
                    lock (events)
                    {
                        events.Add(chatEvent);
                    }

                    if (chatEvent is MessageCompletedEvent completed)
                    {
                        Completed = (completed, Stopwatch.GetTimestamp());
                        break;
                    }
                }
            }
            finally
            {
                done.TrySetResult();
            }
        }

        public async Task<Guid> WaitForTextAsync(string text)
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TestSettings.Timeout)
            {
                var events = Events;
                if (events.StreamedText() == text)
                {
                    return events[0].ConversationId;
                }

                await Task.Delay(20);
            }

            throw new TimeoutException($"The stream never read \"{text}\".");
        }

        public async Task<(MessageCompletedEvent Event, long At)> WaitForCompletionAsync()
        {
            await done.Task.WaitAsync(TimeSpan.FromSeconds(45));
            return Completed ?? throw new InvalidOperationException("The stream ended without message_completed.");
        }
    }
}
