using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Tests.Models;

namespace TaskChat.Tests.Usage;

/// <summary>
/// The usage fixture: a known set of turns, tool calls and tasks over two days (and one turn ten
/// days back), made through the real app with the scripted model and a clock the test sets.
/// A second user is busy on the same days; an admin account does nothing. The test classes
/// assert the figures that this script must produce.
/// </summary>
public sealed class UsageWorld : IAsyncLifetime
{
    public const string ModelA = "model-a";
    public const string ModelB = "model-b";
    public static readonly TimeSpan SlowPause = TimeSpan.FromMilliseconds(1500);

    /// <summary>
    /// The fixture's "today" in the user's zone: a fixed date, so no figure depends on the day or
    /// hour a run starts. Its 90 days reach back past Auckland's clock change of 27 September 2026.
    /// </summary>
    public static readonly DateOnly FixedToday = new(2026, 12, 2);

    private readonly TestDatabase? database;
    private readonly FixedWallClock clock = new(DateTimeOffset.UnixEpoch);
    private ScriptedModelServer model = null!;

    public UsageWorld()
    {
    }

    private UsageWorld(TestDatabase database) => this.database = database;

    public TaskChatApplication App { get; private set; } = null!;
    public TestUser User { get; private set; } = null!;
    public TestUser Other { get; private set; } = null!;
    public TestUser Admin { get; private set; } = null!;
    /// <summary>
    /// Far from UTC (+12/+13), so a reply at 00:10 local time is on the previous day in UTC: counted
    /// in UTC days, the fixture's figures would land on the wrong dates.
    /// </summary>
    public const string ZoneId = "Pacific/Auckland";

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    /// <summary>"Today" in the user's zone, and the fixture's two days before it.</summary>
    public DateOnly Today => FixedToday;
    public DateOnly Yesterday => Today.AddDays(-1);
    public DateOnly TenDaysAgo => Today.AddDays(-10);

    /// <summary>A world on a database of the test's choosing (both providers in one run).</summary>
    public static async Task<UsageWorld> StartAsync(TestDatabase database)
    {
        var world = new UsageWorld(database);
        await world.InitializeAsync();
        return world;
    }

    public async Task InitializeAsync()
    {
        var adminEmail = $"admin-{Guid.NewGuid():N}@test.example";
        model = await ScriptedModelServer.StartAsync();
        var settings = ModelHarness.Settings(model,
            ("Admin:Emails", adminEmail),
            // The tokens serve the whole test class.
            ("Jwt:LifetimeMinutes", "43200"));
        At(TenDaysAgo, 12, 0);
        App = await TaskChatApplication.StartAsync(settings, database,
            services => services.AddSingleton<TimeProvider>(clock));

        // A name a person could have: the README's pictures show it in the header.
        User = await WithCurrentTokenAsync(await App.CreateUserAsync("aroha@example.com"));
        Other = await WithCurrentTokenAsync(await App.CreateUserAsync());
        Admin = await WithCurrentTokenAsync(await App.CreateUserAsync(adminEmail));
        foreach (var account in new[] { User, Other, Admin })
        {
            using var client = App.CreateClient(account);
            using var zone = await client.PatchAsJsonAsync("/api/v1/me", new { time_zone = ZoneId });
            Assert.Equal(HttpStatusCode.OK, zone.StatusCode);
        }

        await PlayAsync();
        At(Today, 23, 0);
    }

    /// <summary>Puts the app's clock at a local time in the user's zone.</summary>
    public void At(DateOnly date, int hour, int minute) =>
        clock.Set(new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(hour, minute)), Zone), TimeSpan.Zero));

    /// <summary>
    /// The JWT library checks a token's lifetime against the machine's clock, not the app's, so the
    /// fixture's tokens are issued while the app's clock reads the real time; the accounts, their
    /// rows and every figure stay on the fixture's fixed instants.
    /// </summary>
    private async Task<TestUser> WithCurrentTokenAsync(TestUser user)
    {
        var fixtureTime = clock.GetUtcNow();
        clock.Set(DateTimeOffset.UtcNow);
        try
        {
            using var client = App.CreateAnonymousClient();
            return user with { AccessToken = await TaskChatApplication.GetTokenAsync(client, user.Email, user.Password) };
        }
        finally
        {
            clock.Set(fixtureTime);
        }
    }

    private async Task PlayAsync()
    {
        using var user = App.CreateClient(User);
        At(TenDaysAgo, 12, 0);
        await ChatAsync(user, "hello", UsageReplies.Text(ModelA, "Hello there", 10, 4));

        At(Yesterday, 9, 0);
        await ChatAsync(user, "add buy milk",
            UsageReplies.Call(ModelA, "call-1", "add_task", """{"title":"Buy milk"}""", 100, 8), UsageReplies.Text(ModelA, "Added.", 120, 3));
        At(Yesterday, 9, 30);
        await ChatAsync(user, "add walk the dog",
            UsageReplies.Call(ModelB, "call-2", "add_task", """{"title":"Walk the dog"}""", 50, 6), UsageReplies.Text(ModelB, "Done.", 60, 2));
        At(Yesterday, 23, 50);
        await ChatAsync(user, "complete task 1",
            UsageReplies.Call(ModelA, "call-3", "complete_task", """{"number":1}""", 100, 5), UsageReplies.Text(ModelA, "Completed.", 110, 2));

        At(Today, 0, 10);
        await ChatAsync(user, "complete task 99",
            UsageReplies.Call(ModelB, "call-4", "complete_task", """{"number":99}""", 40, 5), UsageReplies.Text(ModelB, "No such task.", 45, 4));
        At(Today, 0, 20);
        await ChatAsync(user, "delete task 2",
            UsageReplies.Call(ModelA, "call-5", "delete_task", """{"number":2}""", 30, 5), UsageReplies.Text(ModelA, "Confirm?", 35, 3));
        At(Today, 8, 0);
        await ChatAsync(user, "think slowly", UsageReplies.Text(ModelA, "Slow answer", 20, 2, SlowPause));
        At(Today, 8, 30);
        await ChatAsync(user, "this one fails", HttpStatusCode.BadGateway, ScriptedReply.Status(400));

        At(Today, 9, 0);
        using (var created = await user.PostAsJsonAsync("/api/v1/tasks", new { title = "Read a book" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        At(Today, 9, 5);
        using (var completed = await user.PatchAsJsonAsync("/api/v1/tasks/3", new { is_completed = true }))
        {
            Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        }

        // Someone else, busy on the same day with the same model: none of it is the user's.
        using var other = App.CreateClient(Other);
        At(Today, 10, 0);
        await ChatAsync(other, "add other's task",
            UsageReplies.Call(ModelA, "call-6", "add_task", """{"title":"Other's task"}""", 1000, 100), UsageReplies.Text(ModelA, "ok", 1000, 100));
        using var otherTask = await other.PostAsJsonAsync("/api/v1/tasks", new { title = "Another of theirs" });
        Assert.Equal(HttpStatusCode.Created, otherTask.StatusCode);
    }

    private Task ChatAsync(HttpClient client, string message, params ScriptedReply[] replies) =>
        ChatAsync(client, message, HttpStatusCode.OK, replies);

    private async Task ChatAsync(HttpClient client, string message, HttpStatusCode expected, params ScriptedReply[] replies)
    {
        model.Enqueue(replies);
        using var response = await client.PostAsJsonAsync("/api/v1/chat", new { message });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST /api/v1/chat '{message}' returned {(int)response.StatusCode}: {body}");
    }

    public async Task<JsonElement> GetUsageAsync(TestUser user, int days)
    {
        using var client = App.CreateClient(user);
        using var response = await client.GetAsync($"/api/v1/usage?days={days}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/v1/usage returned {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await model.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
