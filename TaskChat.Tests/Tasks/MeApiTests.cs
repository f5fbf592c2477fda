using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Tasks;

/// <summary>GET and PATCH /api/v1/me: who is signed in and their time zone.</summary>
public sealed class MeApiTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task ANewUserStartsOnUtcAndCanMoveToAnIanaZone()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateClient(user);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(user.UserId, me.GetProperty("user_id").GetGuid());
        Assert.Equal(user.Email, me.GetProperty("email").GetString());
        Assert.Equal("UTC", me.GetProperty("time_zone").GetString());

        await TaskTodayTests.SetZoneAsync(client, "Europe/Paris");
        Assert.Equal("Europe/Paris", (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("time_zone").GetString());
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Pacific Standard Time")]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    [InlineData(null)]
    public async Task AnUnknownZoneIsABadRequestAndChangesNothing(string? zone)
    {
        using var client = app.CreateClient(await app.CreateUserAsync());
        await TaskTodayTests.SetZoneAsync(client, "Asia/Tokyo");

        using var response = await client.PatchAsJsonAsync("/api/v1/me", new { time_zone = zone });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty("time_zone").EnumerateArray());
        Assert.Equal("Asia/Tokyo", (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("time_zone").GetString());
    }

    [Fact]
    public async Task MeNeedsASignedInUser()
    {
        using var anonymous = app.CreateAnonymousClient();

        using var get = await anonymous.GetAsync("/api/v1/me");
        using var patch = await anonymous.PatchAsJsonAsync("/api/v1/me", new { time_zone = "UTC" });

        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, patch.StatusCode);
    }
}
