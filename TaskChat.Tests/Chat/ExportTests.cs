using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Operations;

namespace TaskChat.Tests.Chat;

/// <summary>Export: the current branch as Markdown to read, the whole tree as JSON to keep.</summary>
public sealed class ExportTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task MarkdownIsTheCurrentBranchWithToolCallsAsShortLinesAndJsonHoldsEveryBranch()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        (await http.PatchAsJsonAsync("/api/v1/me", new { time_zone = "Europe/Paris" })).EnsureSuccessStatusCode();
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var first = await chat.SendAndWaitAsync("Create a task to buy milk");
        var second = await chat.SendAndWaitAsync("Create a task to call mom", first.ConversationId);
        var edited = await chat.EditAndWaitAsync(first.ConversationId, second.Started.UserMessage.Id, "Create a task to pay rent");
        await chat.RegenerateAndWaitAsync(first.ConversationId, edited.Started.AssistantMessageId);

        using var markdownResponse = await http.GetAsync($"/api/v1/conversations/{first.ConversationId}/export?format=markdown");
        var markdown = await markdownResponse.Content.ReadAsStringAsync();
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "export.md"), markdown);

        Assert.Equal(HttpStatusCode.OK, markdownResponse.StatusCode);
        Assert.Equal("text/markdown", markdownResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("buy-milk.md", markdownResponse.Content.Headers.ContentDisposition?.FileNameStar ?? markdownResponse.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith("# Buy milk\n\n_Times in Europe/Paris._\n", markdown);
        Assert.Contains("**You** · ", markdown);
        Assert.Contains("Create a task to pay rent", markdown);
        Assert.DoesNotContain("call mom", markdown);
        Assert.Contains("> 🔧 Add task “Pay rent” — Done: Added task 4, “Pay rent”.", markdown);
        Assert.Contains("· version 2 of 2", markdown);

        using var jsonResponse = await http.GetAsync($"/api/v1/conversations/{first.ConversationId}/export?format=json");
        using var json = JsonDocument.Parse(await jsonResponse.Content.ReadAsStringAsync());
        var messages = json.RootElement.GetProperty("messages").Deserialize<List<MessageDto>>(JsonDefaults.Wire)!;

        Assert.Equal("application/json", jsonResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(7, messages.Count);
        Assert.Equal(Enumerable.Range(1, 7), messages.Select(m => m.SequenceNumber));
        Assert.Contains(messages, m => m.Content == "Create a task to call mom");
        Assert.Equal(messages.Where(m => m.ParentId is not null).Select(m => m.ParentId!.Value).Distinct().Order(),
            messages.Where(m => messages.Any(c => c.ParentId == m.Id)).Select(m => m.Id).Order());
        var current = json.RootElement.GetProperty("current_message_id").GetGuid();
        Assert.Equal((await http.MessagesAsync(first.ConversationId)).Messages[^1].Id, current);
        Assert.Equal(4, messages.Count(m => m.ToolCalls.Count > 0 && m.ToolCalls[0].Name == "add_task"));
    }

    [Fact]
    public async Task TheMarkdownOfALongConversationHoldsEveryMessageOfTheBranch()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        var texts = Enumerable.Range(1, 450).Select(i => $"Line number {i:000}").ToList();
        var conversation = await ConversationSeeder.AddAsync(app, user.UserId, "Long one", texts);

        var markdown = await http.GetStringAsync($"/api/v1/conversations/{conversation.Id}/export?format=markdown");

        var lines = markdown.Split('\n').Where(l => l.StartsWith("Line number ", StringComparison.Ordinal)).ToList();
        Assert.Equal(texts, lines);
    }

    [Fact]
    public async Task ExportsOfSomeoneElsesConversationAreMissingAndBadFormatsAre400()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, owner);
        var turn = await chat.SendAndWaitAsync("hello");
        using var strangerHttp = app.CreateClient(stranger);
        using var ownerHttp = app.CreateClient(owner);

        using var theirs = await strangerHttp.GetAsync($"/api/v1/conversations/{turn.ConversationId}/export?format=json");
        using var missing = await ownerHttp.GetAsync($"/api/v1/conversations/{Guid.NewGuid()}/export?format=json");
        using var badFormat = await ownerHttp.GetAsync($"/api/v1/conversations/{turn.ConversationId}/export?format=pdf");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (theirs.StatusCode, missing.StatusCode, badFormat.StatusCode));
        using var theirProblem = JsonDocument.Parse(await theirs.Content.ReadAsStringAsync());
        using var missingProblem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Equal(missingProblem.RootElement.GetProperty("detail").GetString(), theirProblem.RootElement.GetProperty("detail").GetString());
    }
}
