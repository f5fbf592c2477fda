using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Tests.Chat;

/// <summary>A streaming reply is written in batches, never per token.</summary>
public sealed class FlushPolicyTests : IAsyncLifetime
{
    private TaskChatApplication app = null!;

    public async Task InitializeAsync() => app = await TaskChatApplication.StartAsync(SlowReplies.Settings(delayMs: 10));

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task ALongReplyIsFlushedAtMostOncePer250MillisecondsPlusAConstant()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await SlowReplies.AddTasksAsync(http, count: 25);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var conversationId = (await chat.SendAndWaitAsync("hello")).ConversationId;

        using var writes = new TurnWriteCounter(app.Services.GetRequiredService<IMeterFactory>());
        var started = DateTime.UtcNow;
        var turn = await chat.SendAndWaitAsync(SlowReplies.Prompt, conversationId);
        var elapsed = DateTime.UtcNow - started;

        Assert.True(turn.Tokens.Count >= 100, $"Expected a long reply, got {turn.Tokens.Count} tokens.");
        Assert.True(elapsed > TimeSpan.FromSeconds(1), $"Expected a slow reply, took {elapsed.TotalMilliseconds:0} ms.");

        // Partial flushes at most every 250 ms, plus the final write: far fewer than the tokens.
        var allowed = (int)(elapsed.TotalMilliseconds / 250) + 2;
        Assert.InRange(writes.Count, 2, allowed);
        Assert.True(writes.Count * 10 < turn.Tokens.Count, $"{writes.Count} writes for {turn.Tokens.Count} tokens.");

        var saved = (await http.MessagesAsync(conversationId)).Messages[^1];
        Assert.Equal(turn.Completed.Content, saved.Content);
        Assert.Equal(MessageStatus.Completed, saved.Status);
    }

    [Fact]
    public async Task EveryReplyStreamingAtOnceHasItsPartialTextSavedWhileItStreams()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await SlowReplies.AddTasksAsync(http, count: 25);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var conversations = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            conversations.Add((await chat.SendAndWaitAsync("hello")).ConversationId);
        }

        // Three replies stream at once; while they do, each gets its text saved (polled, bounded).
        var turns = conversations.Select(id => chat.SendAndWaitAsync(SlowReplies.Prompt, id)).ToList();
        var saved = new Dictionary<Guid, string>();
        for (var poll = 0; poll < 100 && saved.Count < conversations.Count; poll++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();

            // Kept across polls: one reply may finish before another's first write.
            foreach (var reply in await db.Messages.Where(m => conversations.Contains(m.ConversationId) && m.Status == MessageStatus.Streaming && m.Content != "").ToListAsync())
            {
                saved[reply.ConversationId] = reply.Content;
            }
        }

        var finished = await Task.WhenAll(turns);
        Assert.Equal(conversations.Order(), saved.Keys.Order());
        foreach (var turn in finished)
        {
            var partial = saved[turn.ConversationId];
            Assert.NotEmpty(partial);
            Assert.StartsWith(partial, turn.Completed.Content, StringComparison.Ordinal);
            Assert.True(partial.Length < turn.Completed.Content.Length, "The saved text should be partial.");
        }
    }

    /// <summary>Reads the app's own meter (only this app's: other test apps share the process).</summary>
    private sealed class TurnWriteCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private long count;

        public TurnWriteCounter(IMeterFactory factory)
        {
            listener.InstrumentPublished = (instrument, meters) =>
            {
                if (instrument.Meter.Name == ChatMetrics.MeterName && instrument.Meter.Scope == factory && instrument.Name == "taskchat.turn_db_writes")
                {
                    meters.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref count, value));
            listener.Start();
        }

        public long Count => Interlocked.Read(ref count);

        public void Dispose() => listener.Dispose();
    }
}
