using System.Net;
using System.Net.Http.Json;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Search;
using TaskChat.Web.Operations;

namespace TaskChat.Tests.Chat;

/// <summary>Full-text search (PostgreSQL tsvector or SQLite FTS5, whichever the run uses) over the user's own data only.</summary>
public sealed class SearchTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task AWordFiveHundredMessagesDeepInOneOfTwoHundredConversationsIsFoundRankedAndMarked()
    {
        var owner = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        using var http = app.CreateClient(owner);
        using var otherHttp = app.CreateClient(other);
        for (var i = 0; i < 199; i++)
        {
            await ConversationSeeder.AddAsync(app, owner.UserId, $"Errands {i}", [$"Create a task to buy bread number {i}", "I've added it."]);
        }

        var texts = Enumerable.Range(0, 520).Select(i => $"Message {i} about the weekly groceries").ToList();
        texts[10] = "Remember the xylophone lesson on Friday, it is a long sentence with many other words around the one that matters";
        texts[11] = "Xylophone, xylophone: the xylophone lesson!";
        var deep = await ConversationSeeder.AddAsync(app, owner.UserId, "Music", texts);
        var stranger = await ConversationSeeder.AddAsync(app, other.UserId, "Their xylophone", ["My own xylophone notes", "Noted."]);

        var results = await SearchAsync(http, "xylophone");

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal((deep.Id, "Music"), (r.ConversationId, r.ConversationTitle)));
        Assert.Equal([deep.Messages[11].Id, deep.Messages[10].Id], results.Select(r => r.MessageId));
        Assert.Contains("<mark>xylophone</mark>", results[1].Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<mark>Xylophone</mark>", results[0].Snippet);
        Assert.Equal(deep.Messages[10].CreatedAt, results[1].CreatedAt);

        // Prefixes match while typing; the other user's data never comes back, not even by title.
        Assert.Equal(2, (await SearchAsync(http, "xyloph")).Count);
        var theirs = await SearchAsync(otherHttp, "xylophone");
        Assert.Equal([stranger.Id], theirs.Select(r => r.ConversationId).Distinct());
    }

    [Fact]
    public async Task TitlesAreSearchedAndSnippetsAreEscapedHtml()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        var planning = await ConversationSeeder.AddAsync(app, user.UserId, "Quarterly planning", ["Let us talk", "Sure."]);
        var markup = await ConversationSeeder.AddAsync(app, user.UserId, "Markup", ["Is <script>alert(1)</script> a harpsichord?", "No."]);

        var byTitle = Assert.Single(await SearchAsync(http, "quarterly"));
        Assert.Equal((planning.Id, planning.Messages[0].Id, "<mark>Quarterly</mark> planning"), (byTitle.ConversationId, byTitle.MessageId, byTitle.Snippet));

        var escaped = Assert.Single(await SearchAsync(http, "harpsichord"));
        Assert.Equal(markup.Messages[0].Id, escaped.MessageId);
        Assert.Contains("<mark>harpsichord</mark>", escaped.Snippet);
        Assert.DoesNotContain("<", escaped.Snippet.Replace("<mark>", "").Replace("</mark>", ""));
    }

    [Fact]
    public async Task ADeletedConversationIsNoLongerFound()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        var gone = await ConversationSeeder.AddAsync(app, user.UserId, "Soon gone", ["The zeppelin tickets", "Booked."]);
        Assert.Single(await SearchAsync(http, "zeppelin"));

        (await http.DeleteAsync($"/api/v1/conversations/{gone.Id}")).EnsureSuccessStatusCode();

        Assert.Empty(await SearchAsync(http, "zeppelin"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=")]
    [InlineData("q=%20%22*%22%20")]
    [InlineData("q=word&limit=0")]
    [InlineData("q=word&limit=51")]
    public async Task BadSearchesAreA400Problem(string query)
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);

        using var response = await http.GetAsync($"/api/v1/search?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ALongQueryIsRefusedAndOperatorsAreJustWords()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await ConversationSeeder.AddAsync(app, user.UserId, "Ops", ["NEAR the OR gate, not AND", "Fine."]);

        using var tooLong = await http.GetAsync($"/api/v1/search?q={new string('a', 201)}");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Single(await SearchAsync(http, "gate OR \"NEAR\" -(an"));
    }

    [Fact]
    public void SnippetsEscapeTheTextAndMarkOnlyTheMatches()
    {
        var raw = $"Is <script>alert(1)</script> a {SearchSnippet.Start}harpsichord{SearchSnippet.Stop} & more{SearchSnippet.Start}";

        Assert.Equal("Is &lt;script&gt;alert(1)&lt;/script&gt; a <mark>harpsichord</mark> &amp; more<mark></mark>", SearchSnippet.ToHtml(raw));
    }

    internal static async Task<IReadOnlyList<SearchResult>> SearchAsync(HttpClient http, string q)
    {
        var results = await http.GetFromJsonAsync<SearchResults>($"/api/v1/search?q={Uri.EscapeDataString(q)}", JsonDefaults.Wire);
        return results!.Results;
    }
}
