using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Chat.Turns;
using TaskChat.Web.Data;

namespace TaskChat.Tests.Data;

/// <summary>
/// The lookups every send makes are sought by an index, whatever the size of the database: the
/// database's own plan for the app's own queries (EXPLAIN on PostgreSQL, EXPLAIN QUERY PLAN on
/// SQLite), over a user with many conversations and statistics gathered.
/// </summary>
public sealed class QueryPlanTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    private const int Conversations = 300;
    private const int MessagesEach = 6;

    [Fact]
    public async Task ARepeatedFirstSendIsFoundByTheIndexOnClientMessageId()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var userId = await SeedAsync(db);

        var plan = await PlanAsync(db, TurnCommit.RepeatQuery(db, userId, "client-17-2", conversationId: null).OrderByDescending(m => m.CreatedAt).Take(1));

        Assert.Contains("IX_messages_client_message_id", plan);
    }

    [Fact]
    public async Task TheStreamingCheckOfASendReadsThePartialIndexOfStreamingReplies()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var userId = await SeedAsync(db);
        var conversationId = await db.Conversations.Where(c => c.UserId == userId).Select(c => c.Id).FirstAsync();

        var plan = await PlanAsync(db, TurnCommit.ConversationQuery(db, userId, conversationId, clientMessageId: null).Take(1));

        Assert.Contains("IX_messages_conversation_id_streaming", plan);
    }

    /// <summary>A user with many conversations, a few replies streaming elsewhere, and fresh statistics.</summary>
    private static async Task<Guid> SeedAsync(TaskChatDbContext db)
    {
        var userId = await db.Users.Select(u => u.Id).FirstOrDefaultAsync();
        if (userId == Guid.Empty)
        {
            var user = new TaskChat.Web.Identity.AppUser { UserName = $"plan-{Guid.NewGuid():N}@test.example", Email = "plan@test.example" };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            userId = user.Id;
        }

        if (await db.Conversations.AnyAsync(c => c.UserId == userId))
        {
            return userId;
        }

        var now = DateTime.UtcNow;
        for (var c = 0; c < Conversations; c++)
        {
            var conversation = new Conversation { UserId = userId, Title = $"Conversation {c}", CreatedAt = now, UpdatedAt = now, LastSequenceNumber = MessagesEach };
            for (var m = 1; m <= MessagesEach; m++)
            {
                var user = m % 2 == 1;
                conversation.Messages.Add(new Message
                {
                    SequenceNumber = m,
                    Role = user ? MessageRole.User : MessageRole.Assistant,
                    Content = $"Message {m} of conversation {c}",
                    Status = !user && m == MessagesEach && c % 50 == 0 ? MessageStatus.Streaming : MessageStatus.Completed,
                    ClientMessageId = user ? $"client-{c}-{m}" : null,
                    CreatedAt = now,
                });
            }

            db.Conversations.Add(conversation);
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return userId;
    }

    private static async Task<string> PlanAsync<T>(TaskChatDbContext db, IQueryable<T> query)
    {
        await using DbCommand command = query.CreateDbCommand();
        command.CommandText = (db.UsesPostgres() ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText;
        if (command.Connection!.State != System.Data.ConnectionState.Open)
        {
            await command.Connection.OpenAsync();
        }

        var plan = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // PostgreSQL: one text column per line; SQLite: id, parent, notused, detail.
            plan.AppendLine(reader.GetString(reader.FieldCount - 1));
        }

        return plan.ToString();
    }
}
