using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Tests.Infrastructure.Clients;

namespace TaskChat.Tests.Tasks;

/// <summary>
/// "Today", "overdue" and "upcoming" are the user's, computed in their zone from the app's clock
/// (replaced here by one that stands still), never the server's.
/// </summary>
public sealed class TaskTodayTests
{
    [Theory]
    [InlineData("UTC", 0)]
    [InlineData("Pacific/Kiritimati", 1)]
    [InlineData("Pacific/Pago_Pago", -1)]
    public async Task TodayIsTheDateInTheUsersZone(string zone, int daysFromUtc)
    {
        var now = FixedClock.YesterdayAtHalfPastTen;
        var (app, _) = await FixedClock.StartAsync(now);
        await using var _app = app;
        using var client = app.CreateClient(await app.CreateUserAsync());
        await SetZoneAsync(client, zone);
        var utcToday = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var offset in new[] { -2, -1, 0, 1, 2 })
        {
            await client.CreateTaskAsync(new { title = $"Due UTC{offset:+0;-0;+0}", due_date = FixedClock.Iso(utcToday.AddDays(offset)) });
        }

        var today = await client.ListTasksAsync("?due=today");

        var expected = utcToday.AddDays(daysFromUtc);
        Assert.Equal([FixedClock.Iso(expected)], today.Select(t => t.DueDate));
        Assert.Equal(
            Enumerable.Range(-2, 5).Select(utcToday.AddDays).Where(d => d < expected).Select(FixedClock.Iso),
            (await client.ListTasksAsync("?due=overdue")).Select(t => t.DueDate));
        Assert.Equal(
            Enumerable.Range(-2, 5).Select(utcToday.AddDays).Where(d => d > expected).Select(FixedClock.Iso),
            (await client.ListTasksAsync("?due=upcoming")).Select(t => t.DueDate));
    }

    [Fact]
    public async Task TheSameInstantIsThreeDifferentTodays()
    {
        var now = FixedClock.YesterdayAtHalfPastTen;
        var (app, _) = await FixedClock.StartAsync(now);
        await using var _app = app;
        var utcToday = DateOnly.FromDateTime(now.UtcDateTime);
        var seen = new List<string?>();
        foreach (var zone in new[] { "Pacific/Pago_Pago", "UTC", "Pacific/Kiritimati" })
        {
            using var client = app.CreateClient(await app.CreateUserAsync());
            await SetZoneAsync(client, zone);
            foreach (var offset in new[] { -1, 0, 1 })
            {
                await client.CreateTaskAsync(new { title = "Check", due_date = FixedClock.Iso(utcToday.AddDays(offset)) });
            }

            seen.Add(Assert.Single(await client.ListTasksAsync("?due=today")).DueDate);
        }

        Assert.Equal([FixedClock.Iso(utcToday.AddDays(-1)), FixedClock.Iso(utcToday), FixedClock.Iso(utcToday.AddDays(1))], seen);
    }

    [Fact]
    public async Task TodayMovesWithTheClockAtTheUsersMidnightNotUtcs()
    {
        // 09:59 UTC is 23:59 in Kiritimati; a minute later it is the next day there, still the same day in UTC.
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1), TimeSpan.Zero).AddHours(9).AddMinutes(59);
        var (app, clock) = await FixedClock.StartAsync(start);
        await using var _app = app;
        using var client = app.CreateClient(await app.CreateUserAsync());
        await SetZoneAsync(client, "Pacific/Kiritimati");
        var utcToday = DateOnly.FromDateTime(start.UtcDateTime);
        await client.CreateTaskAsync(new { title = "Kiritimati today", due_date = FixedClock.Iso(utcToday) });
        await client.CreateTaskAsync(new { title = "Kiritimati tomorrow", due_date = FixedClock.Iso(utcToday.AddDays(1)) });

        Assert.Equal(["Kiritimati today"], (await client.ListTasksAsync("?due=today")).Select(t => t.Title));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(["Kiritimati tomorrow"], (await client.ListTasksAsync("?due=today")).Select(t => t.Title));
        Assert.Equal(["Kiritimati today"], (await client.ListTasksAsync("?due=overdue")).Select(t => t.Title));
    }

    [Fact]
    public async Task OverdueLeavesOutDoneTasksAndUpcomingIsTheNextSevenDays()
    {
        var now = FixedClock.YesterdayAtHalfPastTen;
        var (app, _) = await FixedClock.StartAsync(now);
        await using var _app = app;
        using var client = app.CreateClient(await app.CreateUserAsync());
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var late = await client.CreateTaskAsync(new { title = "Late", due_date = FixedClock.Iso(today.AddDays(-3)) });
        var lateDone = await client.CreateTaskAsync(new { title = "Late but done", due_date = FixedClock.Iso(today.AddDays(-3)) });
        await TaskFieldsApiTests.PatchAsync(client, lateDone.Number, new { is_completed = true });
        await client.CreateTaskAsync(new { title = "In a week", due_date = FixedClock.Iso(today.AddDays(7)) });
        await client.CreateTaskAsync(new { title = "In eight days", due_date = FixedClock.Iso(today.AddDays(8)) });
        await client.CreateTaskAsync(new { title = "Urgent tomorrow", due_date = FixedClock.Iso(today.AddDays(1)), priority = "high" });
        await client.CreateTaskAsync(new { title = "Tomorrow", due_date = FixedClock.Iso(today.AddDays(1)) });
        await client.CreateTaskAsync("Someday");

        Assert.Equal([late.Title], (await client.ListTasksAsync("?due=overdue")).Select(t => t.Title));
        Assert.Equal(["Urgent tomorrow", "Tomorrow", "In a week"], (await client.ListTasksAsync("?due=upcoming")).Select(t => t.Title));
        Assert.Equal(["Urgent tomorrow", "Tomorrow", "In a week"], (await client.ListTasksAsync("?due=upcoming&status=open")).Select(t => t.Title));
        Assert.Empty(await client.ListTasksAsync("?due=today"));
        Assert.Equal(["Late but done"], (await client.ListTasksAsync("?status=done")).Select(t => t.Title));
    }

    internal static async Task SetZoneAsync(HttpClient client, string zone)
    {
        using var response = await client.PatchAsJsonAsync("/api/v1/me", new { time_zone = zone });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PATCH /api/v1/me returned {(int)response.StatusCode}: {body}");
        Assert.Equal(zone, JsonDocument.Parse(body).RootElement.GetProperty("time_zone").GetString());
    }
}
