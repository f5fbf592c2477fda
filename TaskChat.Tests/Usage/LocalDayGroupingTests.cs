using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;
using TaskChat.Web.Tasks;

namespace TaskChat.Tests.Usage;

/// <summary>
/// The local-day grouping of GET /api/v1/usage inside each database: replies and tasks stored at
/// instants a minute either side of local midnights, across both of Auckland's clock changes and
/// Havana's midnight ones, read back with the app's clock at several fixed hours (just after
/// midnight, 12:30 UTC, a minute before midnight). Each row must land on its day in its owner's
/// zone whatever the hour of the read, and nobody else's rows are counted.
/// </summary>
public sealed class LocalDayGroupingTests
{
    private const string Auckland = "Pacific/Auckland";
    private const string Havana = "America/Havana";

    /// <summary>Replies, each at a UTC instant; the comment gives the local time.</summary>
    private static readonly Dictionary<string, string[]> Replies = new()
    {
        [Auckland] =
        [
            "2026-12-01T10:59:59Z", // Dec 1 23:59:59 NZDT
            "2026-12-01T11:00:00Z", // Dec 2 00:00
            "2026-12-01T11:10:00Z", // Dec 2 00:10
            "2026-12-01T11:20:00Z", // Dec 2 00:20
            "2026-12-02T10:59:00Z", // Dec 2 23:59
            "2026-09-26T11:59:00Z", // Sep 26 23:59 NZST
            "2026-09-26T12:00:00Z", // Sep 27 00:00 NZST
            "2026-09-26T14:00:00Z", // Sep 27 03:00 NZDT, the first minute after the clocks went forward
            "2026-09-27T10:59:00Z", // Sep 27 23:59 NZDT
            "2026-09-27T11:00:00Z", // Sep 28 00:00
            "2026-04-04T10:59:00Z", // Apr 4 23:59 NZDT
            "2026-04-04T11:00:00Z", // Apr 5 00:00 NZDT
            "2026-04-04T13:59:00Z", // Apr 5 02:59 NZDT
            "2026-04-04T14:00:00Z", // Apr 5 02:00 NZST, the clocks went back
            "2026-04-05T11:59:00Z", // Apr 5 23:59 NZST
            "2026-04-05T12:00:00Z", // Apr 6 00:00
        ],
        [Havana] =
        [
            "2026-11-01T03:59:00Z", // Oct 31 23:59 CDT
            "2026-11-01T04:30:00Z", // Nov 1 00:30 CDT, the first of the day's two midnight hours
            "2026-11-01T05:30:00Z", // Nov 1 00:30 CST, the second
            "2026-11-02T04:59:00Z", // Nov 1 23:59 CST
            "2026-11-02T05:00:00Z", // Nov 2 00:00
            "2026-03-08T04:59:00Z", // Mar 7 23:59 CST
            "2026-03-08T05:00:00Z", // Mar 8 01:00 CDT: that day had no midnight
        ],
    };

    /// <summary>Auckland's tasks: (created, completed).</summary>
    private static readonly (string Created, string? Completed)[] Tasks =
    [
        ("2026-12-01T10:59:59Z", null),                   // created Dec 1
        ("2026-12-01T11:00:00Z", "2026-12-02T10:59:00Z"), // created and completed Dec 2
        ("2026-09-26T13:59:00Z", "2026-09-27T11:00:00Z"), // created Sep 27 01:59 NZST, completed Sep 28
    ];

    /// <summary>What each read must show: the days with anything on them, as (turns, created, completed).</summary>
    private static readonly (string Zone, string Now, int Days, string From, string To, string Expected)[] Reads =
    [
        (Auckland, "2026-12-01T11:30:00Z", 7, "2026-11-26", "2026-12-02", "2026-12-01:1,1,0 2026-12-02:4,1,1"),
        (Auckland, "2026-12-01T12:30:00Z", 7, "2026-11-26", "2026-12-02", "2026-12-01:1,1,0 2026-12-02:4,1,1"),
        (Auckland, "2026-12-02T10:59:30Z", 7, "2026-11-26", "2026-12-02", "2026-12-01:1,1,0 2026-12-02:4,1,1"),
        (Auckland, "2026-12-02T11:00:00Z", 7, "2026-11-27", "2026-12-03", "2026-12-01:1,1,0 2026-12-02:4,1,1"),
        (Auckland, "2026-12-02T10:00:00Z", 90, "2026-09-04", "2026-12-02",
            "2026-09-26:1,0,0 2026-09-27:3,1,0 2026-09-28:1,0,1 2026-12-01:1,1,0 2026-12-02:4,1,1"),
        (Auckland, "2026-09-27T12:00:00Z", 3, "2026-09-26", "2026-09-28", "2026-09-26:1,0,0 2026-09-27:3,1,0 2026-09-28:1,0,1"),
        (Auckland, "2026-04-05T12:30:00Z", 7, "2026-03-31", "2026-04-06", "2026-04-04:1,0,0 2026-04-05:4,0,0 2026-04-06:1,0,0"),
        (Auckland, "2026-06-15T12:30:00Z", 90, "2026-03-19", "2026-06-16", "2026-04-04:1,0,0 2026-04-05:4,0,0 2026-04-06:1,0,0"),
        (Havana, "2026-11-01T18:00:00Z", 1, "2026-11-01", "2026-11-01", "2026-11-01:3,0,0"),
        (Havana, "2026-11-02T12:00:00Z", 3, "2026-10-31", "2026-11-02", "2026-10-31:1,0,0 2026-11-01:3,0,0 2026-11-02:1,0,0"),
        (Havana, "2026-03-08T12:00:00Z", 2, "2026-03-07", "2026-03-08", "2026-03-07:1,0,0 2026-03-08:1,0,0"),
    ];

    [Fact]
    public async Task EachRowLandsOnItsLocalDayAtEveryHourOnSqlite()
    {
        await using var database = TestDatabase.CreateSqlite();
        await CheckAsync(database);
    }

    [Fact]
    [Trait(Category.Name, Category.Postgres)]
    public async Task EachRowLandsOnItsLocalDayAtEveryHourOnPostgres()
    {
        await using var database = await TestDatabase.CreatePostgresAsync();
        await CheckAsync(database);
    }

    private static async Task CheckAsync(TestDatabase database)
    {
        // The real time while the accounts sign in: the JWT library checks tokens on the machine's clock.
        var clock = new FixedWallClock(DateTimeOffset.UtcNow);
        await using var app = await TaskChatApplication.StartAsync(null, database, services => services.AddSingleton<TimeProvider>(clock));
        var users = new Dictionary<string, TestUser>();
        foreach (var zone in Replies.Keys)
        {
            users[zone] = await app.CreateUserAsync();
            using var client = app.CreateClient(users[zone]);
            using var set = await client.PatchAsJsonAsync("/api/v1/me", new { time_zone = zone });
            set.EnsureSuccessStatusCode();
            await SeedAsync(app, users[zone].UserId, Replies[zone], zone == Auckland ? Tasks : []);
        }

        foreach (var read in Reads)
        {
            clock.Set(Instant(read.Now));
            using var client = app.CreateClient(users[read.Zone]);
            var usage = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/usage?days={read.Days}")).RootElement;
            var at = $"{read.Zone}, {read.Days} days read at {read.Now}";
            Assert.True((read.From, read.To) == (usage.GetProperty("from").GetString(), usage.GetProperty("to").GetString()), $"{at}: period {usage.GetProperty("from")}..{usage.GetProperty("to")}");
            var perDay = usage.GetProperty("per_day").EnumerateArray().ToList();
            Assert.Equal(read.Days, perDay.Count);
            var shown = string.Join(" ", perDay
                .Select(d => (Date: d.GetProperty("date").GetString(), Turns: d.GetProperty("turns").GetInt32(), Created: d.GetProperty("tasks_created").GetInt32(), Completed: d.GetProperty("tasks_completed").GetInt32()))
                .Where(d => d.Turns + d.Created + d.Completed > 0)
                .Select(d => $"{d.Date}:{d.Turns},{d.Created},{d.Completed}"));
            Assert.True(read.Expected == shown, $"{at}: expected {read.Expected}, shown {shown}");
            Assert.Equal(perDay.Sum(d => d.GetProperty("turns").GetInt32()), usage.GetProperty("turns").GetInt32());
        }
    }

    /// <summary>Rows written straight to the database: many instants the API could only reach by moving the clock for each turn.</summary>
    private static async Task SeedAsync(TaskChatApplication app, Guid userId, string[] replies, (string Created, string? Completed)[] tasks)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var start = Instant("2026-01-01T00:00:00Z").UtcDateTime;
        var conversation = new Conversation { UserId = userId, Title = "Seeded", CreatedAt = start, UpdatedAt = start, LastSequenceNumber = replies.Length };
        db.Conversations.Add(conversation);
        db.Messages.AddRange(replies.Select((at, i) => new Message
        {
            ConversationId = conversation.Id, SequenceNumber = i + 1, Role = MessageRole.Assistant, Status = MessageStatus.Completed,
            Content = "seeded", Provider = "openai", Model = "seeded-model", CreatedAt = Instant(at).UtcDateTime, CompletedAt = Instant(at).UtcDateTime,
        }));
        db.Tasks.AddRange(tasks.Select((task, i) => new TaskItem
        {
            UserId = userId, Number = i + 1, Title = $"Seeded {i + 1}", CreatedAt = Instant(task.Created).UtcDateTime, UpdatedAt = Instant(task.Created).UtcDateTime,
            IsCompleted = task.Completed is not null, CompletedAt = task.Completed is { } done ? Instant(done).UtcDateTime : null,
        }));
        await db.SaveChangesAsync();
    }

    private static DateTimeOffset Instant(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
