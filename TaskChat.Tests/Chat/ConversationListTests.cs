using System.Net;
using System.Net.Http.Json;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Operations;

namespace TaskChat.Tests.Chat;

/// <summary>GET /api/v1/conversations by keyset pages (Link: rel="next"), pinned ones first.</summary>
public sealed class ConversationListTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task PagesFollowTheLinkHeaderWithoutRepeatsOrGapsAndPinnedComeFirst()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        var start = new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc);
        var made = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            // Two share an updated_at, so the id has to break the tie.
            made.Add((await ConversationSeeder.AddAsync(app, user.UserId, $"Conversation {i}", ["hi", "hello"], start.AddHours(i == 4 ? 3 : i))).Id);
        }

        using var pin = await http.PatchAsJsonAsync($"/api/v1/conversations/{made[1]}", new { is_pinned = true });
        var pinned = (await pin.Content.ReadFromJsonAsync<ConversationDto>(JsonDefaults.Wire))!;
        Assert.True(pinned.IsPinned);
        Assert.Equal("Conversation 1", pinned.Title);

        var seen = new List<ConversationDto>();
        string? next = "/api/v1/conversations?limit=3";
        var pages = 0;
        while (next is not null && pages++ < 10)
        {
            using var response = await http.GetAsync(next);
            response.EnsureSuccessStatusCode();
            seen.AddRange((await response.Content.ReadFromJsonAsync<List<ConversationDto>>(JsonDefaults.Wire))!);
            next = response.Headers.TryGetValues("Link", out var links) ? ParseNext(links.Single()) : null;
        }

        Assert.Equal(3, pages);
        Assert.Equal(made[1], seen[0].Id);
        Assert.Equal(7, seen.Select(c => c.Id).Distinct().Count());
        var rest = seen.Skip(1).ToList();
        Assert.Equal(rest.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id).Select(c => c.Id), rest.Select(c => c.Id));
    }

    [Fact]
    public async Task WithoutALimitTheFirstFiftyComeBackAsTheBareArray()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        for (var i = 0; i < 52; i++)
        {
            await ConversationSeeder.AddAsync(app, user.UserId, $"C{i}", ["hi", "hello"]);
        }

        using var response = await http.GetAsync("/api/v1/conversations");
        var page = (await response.Content.ReadFromJsonAsync<List<ConversationDto>>(JsonDefaults.Wire))!;

        Assert.Equal(50, page.Count);
        Assert.Contains("rel=\"next\"", response.Headers.GetValues("Link").Single());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("before=not-a-cursor")]
    [InlineData("before=AAAA")]
    public async Task BadPagingIsA400Problem(string query)
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);

        using var response = await http.GetAsync($"/api/v1/conversations?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PinningSomeoneElsesConversationIsA404AndAnEmptyPatchA400()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var conversation = await ConversationSeeder.AddAsync(app, owner.UserId, "Mine", ["hi", "hello"]);
        using var strangerHttp = app.CreateClient(stranger);
        using var ownerHttp = app.CreateClient(owner);

        using var theirs = await strangerHttp.PatchAsJsonAsync($"/api/v1/conversations/{conversation.Id}", new { is_pinned = true });
        using var empty = await ownerHttp.PatchAsJsonAsync($"/api/v1/conversations/{conversation.Id}", new { });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (theirs.StatusCode, empty.StatusCode));
        var list = await ownerHttp.GetFromJsonAsync<List<ConversationDto>>("/api/v1/conversations", JsonDefaults.Wire);
        Assert.False(Assert.Single(list!).IsPinned);
    }

    private static string ParseNext(string link)
    {
        Assert.EndsWith("; rel=\"next\"", link);
        return link[1..link.IndexOf('>')];
    }
}
