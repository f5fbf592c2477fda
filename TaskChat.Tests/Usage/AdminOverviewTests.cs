using System.Net;
using System.Text.RegularExpressions;
using TaskChat.Tests.Infrastructure.Clients;

namespace TaskChat.Tests.Usage;

/// <summary>/admin: only the accounts in Admin:Emails reach it; they see everyone's totals, and no text.</summary>
public sealed partial class AdminOverviewTests(UsageWorld world) : IClassFixture<UsageWorld>
{
    [Fact]
    public async Task IsAMissingPageForASignedOutVisitor()
    {
        using var session = new PageSession(world.App.ServerAddress);
        using var admin = await session.GetAsync("/admin");
        using var missing = await session.GetAsync($"/no-such-page-{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.NotFound, admin.StatusCode);
        Assert.Equal(missing.StatusCode, admin.StatusCode);
        Assert.Equal(missing.Content.Headers.ContentType?.MediaType, admin.Content.Headers.ContentType?.MediaType);
        Assert.Equal(WithoutTraceId(await missing.Content.ReadAsStringAsync()), WithoutTraceId(await admin.Content.ReadAsStringAsync()));
        Assert.Null(admin.Headers.Location);
    }

    [Fact]
    public async Task IsAMissingPageForAUserWhoIsNotAnAdmin()
    {
        using var session = await SignInAsync(world.User);
        using var admin = await session.GetAsync("/admin?days=30");
        Assert.Equal(HttpStatusCode.NotFound, admin.StatusCode);
        Assert.DoesNotContain("Admin overview", await admin.Content.ReadAsStringAsync());

        // A JWT of a non-admin gets no further.
        using var api = world.App.CreateClient(world.Other);
        using var withToken = await api.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.NotFound, withToken.StatusCode);
    }

    [Fact]
    public async Task AdminSeesEveryonesTotalsAndNoMessageText()
    {
        using var session = await SignInAsync(world.Admin);
        using var response = await session.GetAsync("/admin?days=7");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Equal("3", Stat(html, "admin-users"));
        // The accounts were made ten days back on the app's clock: none is new this week, all three this month.
        Assert.Contains("users (0 new)", html);
        using var month = await session.GetAsync("/admin?days=30");
        Assert.Contains("users (3 new)", await month.Content.ReadAsStringAsync());
        Assert.Equal("8", Stat(html, "admin-turns"));
        Assert.Equal("12.5%", Stat(html, "admin-failure-rate"));
        Assert.Equal("0.0%", Stat(html, "admin-interruption-rate"));

        Assert.Equal(("3", "0", "0"), ToolRow(html, "add_task"));
        Assert.Equal(("1", "1", "0"), ToolRow(html, "complete_task"));
        Assert.Equal(("0", "0", "1"), ToolRow(html, "delete_task"));

        var modelA = Row(html, $"data-model=\"{UsageWorld.ModelA}\"");
        Assert.Equal("5", Cell(modelA, "turns"));
        Assert.Equal("2,515", Cell(modelA, "input_tokens"));
        Assert.Equal("228", Cell(modelA, "output_tokens"));
        var modelB = Row(html, $"data-model=\"{UsageWorld.ModelB}\"");
        Assert.Equal(("2", "195", "17"), (Cell(modelB, "turns"), Cell(modelB, "input_tokens"), Cell(modelB, "output_tokens")));

        // Active users: the user alone yesterday, the user and the other one today.
        Assert.Equal("1", Bar(html, "active-users-chart", world.Yesterday));
        Assert.Equal("2", Bar(html, "active-users-chart", world.Today));
        Assert.Equal("0", Bar(html, "active-users-chart", world.Today.AddDays(-3)));

        // The last day (from yesterday 23:00): yesterday 23:50 and four of today's replies; the slow one first.
        var slowest = Regex.Matches(Section(html, "slowest"), "data-field=\"first_token_ms\">([0-9,]+) ms").Select(m => int.Parse(m.Groups[1].Value.Replace(",", ""))).ToList();
        Assert.Equal(5, slowest.Count);
        Assert.True(slowest[0] >= UsageWorld.SlowPause.TotalMilliseconds, $"slowest first token {slowest[0]} ms");
        Assert.Equal(slowest.OrderByDescending(ms => ms), slowest);

        foreach (var text in new[] { "Buy milk", "Walk the dog", "Slow answer", "think slowly", "Read a book", "Other&#x27;s task", "Other's task", world.User.Email })
        {
            Assert.DoesNotContain(text, html);
        }
    }

    private static string WithoutTraceId(string body) => Regex.Replace(body, "\"trace_id\":\"[^\"]*\"", "");

    private async Task<PageSession> SignInAsync(TestUser user)
    {
        var session = new PageSession(world.App.ServerAddress);
        using var signedIn = await session.SubmitFormAsync("/signin", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return session;
    }

    internal static string Stat(string html, string id) =>
        Regex.Match(html, $"id=\"{id}\">([^<]*)<").Groups[1].Value;

    internal static (string, string, string) ToolRow(string html, string tool)
    {
        var row = Row(html, $"data-tool=\"{tool}\"");
        return (Cell(row, "succeeded"), Cell(row, "failed"), Cell(row, "needs_confirmation"));
    }

    internal static string Row(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row {marker}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    internal static string Cell(string row, string field) =>
        Regex.Match(row, $"data-field=\"{field}\">([^<]*)<").Groups[1].Value;

    internal static string Bar(string html, string chartId, DateOnly date) =>
        Regex.Match(Section(html, chartId), $"data-date=\"{date:yyyy-MM-dd}\" data-value=\"([0-9]+)\"").Groups[1].Value;

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No element #{id}");
        return html[start..];
    }
}
