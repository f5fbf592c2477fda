using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Tests.Models;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Chat.Turns;
using TaskChat.Web.Data;

namespace TaskChat.Tests.Chat;

/// <summary>
/// One reply PostgreSQL cannot store must not cost any other reply its saved text. The partial
/// text of every streaming reply is written in one batch; a NUL in one of them used to fail the
/// whole batch on every flush, so a crash lost every other user's partial reply.
/// </summary>
[Trait(Category.Name, Category.Postgres)]
public sealed class UnstorableReplyCrashTests
{
    private const string Other = "Here is the first half of a long answer for the second user, ";

    [Fact]
    public async Task ANulInOneReplyLeavesAnotherUsersPartialReplyIntactThroughAKill9()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        await using var database = await TestDatabase.CreatePostgresAsync();
        var environment = AppEnvironment.Defaults();
        foreach (var (key, value) in database.EnvironmentVariables)
        {
            environment[key] = value;
        }

        foreach (var (key, value) in ModelHarness.Settings(model))
        {
            environment[key.Replace(":", "__")] = value;
        }

        model.Enqueue(ScriptedReply.HoldAfter("Bad\0 reply ", "with a NUL"), ScriptedReply.HoldAfter(Other));
        TestUser first, second;
        Guid badConversation, goodConversation;
        await using (var doomed = await AppProcess.StartAsync(environment))
        {
            (first, second) = (await DurabilityTests.CreateUserAsync(doomed), await DurabilityTests.CreateUserAsync(doomed));
            await using var firstChat = await ChatConnection.ConnectAsync(doomed.BaseAddress, first);
            await using var secondChat = await ChatConnection.ConnectAsync(doomed.BaseAddress, second);

            badConversation = await ReadUntilAsync(firstChat, "with a NUL");
            goodConversation = await ReadUntilAsync(secondChat, Other);

            // Several flush intervals (250 ms) with both replies streaming, then no graceful shutdown.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            doomed.Kill();
        }

        await using var restarted = await AppProcess.StartAsync(environment);
        using var firstHttp = restarted.CreateClient(new BearerTokenHandler(first.AccessToken));
        using var secondHttp = restarted.CreateClient(new BearerTokenHandler(second.AccessToken));
        var bad = (await firstHttp.MessagesAsync(badConversation)).Messages[^1];
        var good = (await secondHttp.MessagesAsync(goodConversation)).Messages[^1];

        Assert.Equal((MessageStatus.Interrupted, Other), (good.Status, good.Content));
        Assert.Equal((MessageStatus.Interrupted, "Bad reply with a NUL"), (bad.Status, bad.Content));
    }

    [Fact]
    public async Task ABatchThatFailsIsWrittenRowByRowAndTheRefusedRowIsRepaired()
    {
        await using var database = await TestDatabase.CreatePostgresAsync();
        await using var app = await TaskChatApplication.StartAsync(database: database);
        var user = await app.CreateUserAsync();
        var (goodId, badId) = await AddStreamingRepliesAsync(app, user);
        var writer = app.Services.GetRequiredService<PartialReplyWriter>();

        // Straight into the writer, past the cleaning that turns do: as if a reply had slipped through.
        var good = new TurnText();
        good.Append("kept text");
        var bad = new TurnText();
        bad.Append("refused\0 text");
        writer.Track(goodId, good);
        writer.Track(badId, bad);
        try
        {
            Assert.Equal("kept text", await WaitForContentAsync(app, goodId));
            Assert.Equal("refused text", await WaitForContentAsync(app, badId));
            Assert.Contains(app.Logs.Lines, line => line.Contains("one by one", StringComparison.Ordinal));
        }
        finally
        {
            await writer.ForgetAsync(goodId);
            await writer.ForgetAsync(badId);
        }
    }

    private static async Task<Guid> ReadUntilAsync(ChatConnection chat, string ending)
    {
        using var timeout = new CancellationTokenSource(TestSettings.Timeout);
        var text = "";
        await foreach (var chatEvent in chat.Send("tell me something", cancellationToken: timeout.Token))
        {
            text += (chatEvent as TokenEvent)?.Delta;
            if (text.EndsWith(ending, StringComparison.Ordinal))
            {
                return chatEvent.ConversationId;
            }
        }

        throw new InvalidOperationException($"The reply ended before \"{ending}\": \"{text}\"");
    }

    private static async Task<(Guid Good, Guid Bad)> AddStreamingRepliesAsync(TaskChatApplication app, TestUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var conversation = new Conversation { UserId = user.UserId, Title = "Two replies", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, LastSequenceNumber = 2 };
        var replies = Enumerable.Range(1, 2).Select(n => new Message
        {
            ConversationId = conversation.Id,
            SequenceNumber = n,
            Role = MessageRole.Assistant,
            Status = MessageStatus.Streaming,
            CreatedAt = DateTime.UtcNow,
        }).ToList();
        db.Conversations.Add(conversation);
        db.Messages.AddRange(replies);
        await db.SaveChangesAsync();
        return (replies[0].Id, replies[1].Id);
    }

    private static async Task<string> WaitForContentAsync(TaskChatApplication app, Guid messageId)
    {
        using var timeout = new CancellationTokenSource(TestSettings.Timeout);
        while (true)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
                var content = await db.Messages.AsNoTracking().Where(m => m.Id == messageId).Select(m => m.Content).SingleAsync(timeout.Token);
                if (content.Length > 0)
                {
                    return content;
                }
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
