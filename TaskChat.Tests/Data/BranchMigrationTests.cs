using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Data;

namespace TaskChat.Tests.Data;

/// <summary>The Branches migration, on the provider of the run: the history a database already holds becomes one branch.</summary>
public sealed class BranchMigrationTests
{
    [Fact]
    public async Task ExistingHistoryBecomesOneBranchEndingAtTheNewestMessage()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = CreateContext(database);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var beforeBranches = migrations[migrations.FindIndex(m => m.EndsWith("_Branches", StringComparison.Ordinal)) - 1];
        await migrator.MigrateAsync(beforeBranches);

        var (userId, conversationId) = (Guid.NewGuid(), Guid.NewGuid());
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        var now = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AspNetUsers" ("Id", "AccessFailedCount", "EmailConfirmed", "LockoutEnabled", "PhoneNumberConfirmed", "TwoFactorEnabled", "LastTaskNumber", "CreatedAt", "TimeZone")
            VALUES ({userId}, 0, FALSE, FALSE, FALSE, FALSE, 0, {now}, 'UTC')
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO conversations (id, user_id, title, created_at, updated_at, last_sequence_number) VALUES ({conversationId}, {userId}, 'Old', {now}, {now}, 4)
            """);
        for (var i = 0; i < ids.Count; i++)
        {
            var role = i % 2 == 0 ? "user" : "assistant";
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO messages (id, conversation_id, sequence_number, role, content, status, created_at)
                VALUES ({ids[i]}, {conversationId}, {i + 1}, {role}, {"text " + i}, 'completed', {now.AddMinutes(i)})
                """);
        }

        await migrator.MigrateAsync();

        var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId).OrderBy(m => m.SequenceNumber).ToListAsync();
        Assert.Equal([null, ids[0], ids[1], ids[2]], messages.Select(m => m.ParentId));
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId);
        Assert.Equal((ids[3], false), (conversation.CurrentMessageId, conversation.IsPinned));
    }

    private static TaskChatDbContext CreateContext(TestDatabase database) => database.Provider == "postgres"
        ? new PostgresTaskChatDbContext(new DbContextOptionsBuilder<PostgresTaskChatDbContext>()
            .UseNpgsql(database.Settings["ConnectionStrings:TaskChat"]).Options)
        : new SqliteTaskChatDbContext(new DbContextOptionsBuilder<SqliteTaskChatDbContext>()
            .UseSqlite($"Data Source={database.Settings["Database:SqlitePath"]}").Options);
}
