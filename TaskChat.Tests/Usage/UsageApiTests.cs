using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;
using TaskChat.Web.Usage;

namespace TaskChat.Tests.Usage;

/// <summary>
/// GET /api/v1/usage over the two-day fixture, on both database providers in every run: every
/// figure, the exact wire shape, the period's edges in the user's zone, and nobody else's rows.
/// </summary>
public sealed class UsageApiTests
{
    [Fact]
    public async Task CountsTheFixtureOnSqlite()
    {
        await using var database = TestDatabase.CreateSqlite();
        await CountsTheFixtureAsync(database);
    }

    [Fact]
    [Trait(Category.Name, Category.Postgres)]
    public async Task CountsTheFixtureOnPostgres()
    {
        await using var database = await TestDatabase.CreatePostgresAsync();
        await CountsTheFixtureAsync(database);
    }

    private static async Task CountsTheFixtureAsync(TestDatabase database)
    {
        var world = await UsageWorld.StartAsync(database);
        try
        {
            await AssertLastSevenDaysAsync(world);
            await AssertLastThirtyDaysAsync(world);
            await AssertOtherUserSeesOnlyTheirsAsync(world);
            await AssertRefusesBadInputAsync(world);
        }
        finally
        {
            await world.DisposeAsync();
        }
    }

    private static async Task AssertLastSevenDaysAsync(UsageWorld world)
    {
        var usage = await world.GetUsageAsync(world.User, 7);
        Assert.Equal(["from", "to", "turns", "tasks_created", "tasks_completed", "tool_calls", "per_day", "models"], Names(usage));
        Assert.Equal(world.Today.AddDays(-6).ToString("yyyy-MM-dd"), usage.GetProperty("from").GetString());
        Assert.Equal(world.Today.ToString("yyyy-MM-dd"), usage.GetProperty("to").GetString());
        Assert.Equal(7, usage.GetProperty("turns").GetInt32());
        Assert.Equal(3, usage.GetProperty("tasks_created").GetInt32());
        Assert.Equal(2, usage.GetProperty("tasks_completed").GetInt32());

        // Yesterday 23:50 and today 00:10 fall on their own days, in the user's zone.
        var perDay = usage.GetProperty("per_day").EnumerateArray().ToList();
        Assert.Equal(7, perDay.Count);
        Assert.Equal(["date", "turns", "tasks_created", "tasks_completed"], Names(perDay[0]));
        for (var i = 0; i < 7; i++)
        {
            var date = world.Today.AddDays(i - 6);
            var expected = date == world.Yesterday ? (3, 2, 1) : date == world.Today ? (4, 1, 1) : (0, 0, 0);
            Assert.Equal(date.ToString("yyyy-MM-dd"), perDay[i].GetProperty("date").GetString());
            Assert.Equal(expected, (perDay[i].GetProperty("turns").GetInt32(), perDay[i].GetProperty("tasks_created").GetInt32(), perDay[i].GetProperty("tasks_completed").GetInt32()));
        }

        var tools = usage.GetProperty("tool_calls").EnumerateArray().ToList();
        Assert.Equal(["name", "succeeded", "failed", "needs_confirmation"], Names(tools[0]));
        Assert.Equal(
            [("add_task", 2, 0, 0), ("complete_task", 1, 1, 0), ("delete_task", 0, 0, 1)],
            tools.Select(t => (t.GetProperty("name").GetString(), t.GetProperty("succeeded").GetInt32(), t.GetProperty("failed").GetInt32(), t.GetProperty("needs_confirmation").GetInt32())));

        var models = usage.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(["provider", "model", "turns", "input_tokens", "output_tokens", "first_token_ms_p50", "first_token_ms_p95"], Names(models[0]));
        Assert.Equal(
            [(UsageWorld.ModelA, 4, 515L, 28L), (UsageWorld.ModelB, 2, 195L, 17L), (Models.ModelHarness.ConfiguredModel, 1, 0L, 0L)],
            models.Select(m => (m.GetProperty("model").GetString(), m.GetProperty("turns").GetInt32(), m.GetProperty("input_tokens").GetInt64(), m.GetProperty("output_tokens").GetInt64())));
        Assert.All(models, m => Assert.Equal("openai", m.GetProperty("provider").GetString()));

        // Model A's four first tokens: the slow reply is the p95 and not the median.
        var modelA = models[0];
        var stored = await StoredFirstTokensAsync(world, UsageWorld.ModelA, world.Today.AddDays(-6));
        Assert.Equal(4, stored.Count);
        Assert.Equal(Percentiles.NearestRank(stored.Select(ms => ((long)ms, 1)), 50), modelA.GetProperty("first_token_ms_p50").GetInt64());
        Assert.Equal(stored.Max(), modelA.GetProperty("first_token_ms_p95").GetInt64());
        Assert.True(modelA.GetProperty("first_token_ms_p95").GetInt64() >= UsageWorld.SlowPause.TotalMilliseconds);
        Assert.True(modelA.GetProperty("first_token_ms_p50").GetInt64() < modelA.GetProperty("first_token_ms_p95").GetInt64());

        // The failed turn never got a first token: unknown, not zero.
        Assert.Equal(JsonValueKind.Null, models[2].GetProperty("first_token_ms_p50").ValueKind);
        Assert.Equal(JsonValueKind.Null, models[2].GetProperty("first_token_ms_p95").ValueKind);
    }

    private static async Task AssertLastThirtyDaysAsync(UsageWorld world)
    {
        var usage = await world.GetUsageAsync(world.User, 30);
        Assert.Equal(world.Today.AddDays(-29).ToString("yyyy-MM-dd"), usage.GetProperty("from").GetString());
        Assert.Equal(8, usage.GetProperty("turns").GetInt32());
        var perDay = usage.GetProperty("per_day").EnumerateArray().ToList();
        Assert.Equal(30, perDay.Count);
        Assert.Equal(1, perDay.Single(d => d.GetProperty("date").GetString() == world.TenDaysAgo.ToString("yyyy-MM-dd")).GetProperty("turns").GetInt32());
        // Ninety days reach back past Auckland's clock change of 27 September: same figures.
        var quarter = await world.GetUsageAsync(world.User, 90);
        Assert.Equal((8, 3, 2), (quarter.GetProperty("turns").GetInt32(), quarter.GetProperty("tasks_created").GetInt32(), quarter.GetProperty("tasks_completed").GetInt32()));
        Assert.Equal(3, quarter.GetProperty("per_day").EnumerateArray().Single(d => d.GetProperty("date").GetString() == world.Yesterday.ToString("yyyy-MM-dd")).GetProperty("turns").GetInt32());

        var modelA = usage.GetProperty("models").EnumerateArray().First();
        Assert.Equal((UsageWorld.ModelA, 5, 525L, 32L),
            (modelA.GetProperty("model").GetString(), modelA.GetProperty("turns").GetInt32(), modelA.GetProperty("input_tokens").GetInt64(), modelA.GetProperty("output_tokens").GetInt64()));
    }

    private static async Task AssertOtherUserSeesOnlyTheirsAsync(UsageWorld world)
    {
        var usage = await world.GetUsageAsync(world.Other, 7);
        Assert.Equal((1, 2, 0), (usage.GetProperty("turns").GetInt32(), usage.GetProperty("tasks_created").GetInt32(), usage.GetProperty("tasks_completed").GetInt32()));
        var model = Assert.Single(usage.GetProperty("models").EnumerateArray());
        Assert.Equal((2000L, 200L), (model.GetProperty("input_tokens").GetInt64(), model.GetProperty("output_tokens").GetInt64()));
        var tool = Assert.Single(usage.GetProperty("tool_calls").EnumerateArray());
        Assert.Equal(("add_task", 1), (tool.GetProperty("name").GetString(), tool.GetProperty("succeeded").GetInt32()));

        var idle = await world.GetUsageAsync(world.Admin, 90);
        Assert.Equal(0, idle.GetProperty("turns").GetInt32());
        Assert.Equal(90, idle.GetProperty("per_day").GetArrayLength());
        Assert.Empty(idle.GetProperty("models").EnumerateArray());
    }

    private static async Task AssertRefusesBadInputAsync(UsageWorld world)
    {
        using var client = world.App.CreateClient(world.User);
        foreach (var days in new[] { "0", "91", "-3", "abc", "7.5" })
        {
            using var response = await client.GetAsync($"/api/v1/usage?days={days}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("days", await response.Content.ReadAsStringAsync());
        }

        using var anonymous = world.App.CreateAnonymousClient();
        using var signedOut = await anonymous.GetAsync("/api/v1/usage?days=7");
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
    }

    private static async Task<List<int>> StoredFirstTokensAsync(UsageWorld world, string model, DateOnly from)
    {
        using var scope = world.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), world.Zone);
        return await db.Messages
            .Where(m => m.Conversation!.UserId == world.User.UserId && m.Role == MessageRole.Assistant && m.Model == model && m.CreatedAt >= start)
            .Select(m => m.FirstTokenMs!.Value)
            .ToListAsync();
    }

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}
