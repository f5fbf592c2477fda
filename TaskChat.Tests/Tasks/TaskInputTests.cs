using System.Net;
using System.Net.Http.Json;
using System.Text;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Tasks;

/// <summary>Bad input gets a clear 400 ProblemDetails (or a 404) and changes nothing.</summary>
public sealed class TaskInputTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    public static TheoryData<string, string?, string> InvalidCreates => new()
    {
        { "", null, "title" },
        { "   ", null, "title" },
        { new string('x', 10_000), null, "title" },
        { new string('x', 201), null, "title" },
        { "Valid title", new string('d', 2_001), "description" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreates))]
    public async Task InvalidCreateIsRejectedWithTheFieldNamedAndNothingSaved(string title, string? description, string field)
    {
        using var client = app.CreateClient(await app.CreateUserAsync());

        using var response = await client.PostAsJsonAsync("/api/v1/tasks", new { title, description });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, message => Assert.False(string.IsNullOrWhiteSpace(message)));
        Assert.Empty(await client.ListTasksAsync());
    }

    [Fact]
    public async Task LongestAllowedTitleAndDescriptionAreAccepted()
    {
        using var client = app.CreateClient(await app.CreateUserAsync());

        var task = await client.CreateTaskAsync(new string('t', 200), new string('d', 2_000));

        Assert.Equal(200, task.Title.Length);
        Assert.Equal(2_000, task.Description!.Length);
    }

    [Theory]
    [InlineData("{\"title\": ")]
    [InlineData("{\"title\": \"unterminated}")]
    [InlineData("not json at all")]
    [InlineData("{\"title\": 42}")]
    public async Task MalformedJsonOnCreateIsABadRequestProblem(string body)
    {
        using var client = app.CreateClient(await app.CreateUserAsync());

        using var response = await client.PostAsync("/api/v1/tasks", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString());
        Assert.Empty(await client.ListTasksAsync());
    }

    [Theory]
    [InlineData("{\"title\": \"\"}", "title")]
    [InlineData("{\"title\": \"   \"}", "title")]
    [InlineData("LONG_TITLE", "title")]
    [InlineData("LONG_DESCRIPTION", "description")]
    public async Task InvalidUpdateIsRejectedAndTheTaskIsUnchanged(string body, string field)
    {
        using var client = app.CreateClient(await app.CreateUserAsync());
        var original = await client.CreateTaskAsync("Keep me", "as I am");
        body = body switch
        {
            "LONG_TITLE" => $"{{\"title\": \"{new string('x', 10_000)}\"}}",
            "LONG_DESCRIPTION" => $"{{\"description\": \"{new string('x', 2_001)}\"}}",
            _ => body,
        };

        using var response = await client.PatchAsync(
            $"/api/v1/tasks/{original.Number}", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal([original], await client.ListTasksAsync());
    }

    [Fact]
    public async Task MalformedJsonOnUpdateIsABadRequestProblemAndTheTaskIsUnchanged()
    {
        using var client = app.CreateClient(await app.CreateUserAsync());
        var original = await client.CreateTaskAsync("Keep me");

        using var response = await client.PatchAsync(
            $"/api/v1/tasks/{original.Number}", new StringContent("{\"is_completed\": tru", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", (await response.ReadProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal([original], await client.ListTasksAsync());
    }

    [Fact]
    public async Task UnknownNumberIsNotFoundForGetUpdateAndDelete()
    {
        using var client = app.CreateClient(await app.CreateUserAsync());
        var existing = await client.CreateTaskAsync("The only task");

        using var get = await client.GetAsync("/api/v1/tasks/999");
        using var patch = await client.PatchAsJsonAsync("/api/v1/tasks/999", new { title = "Nope" });
        using var delete = await client.DeleteAsync("/api/v1/tasks/999");

        foreach (var response in new[] { get, patch, delete })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var problem = await response.ReadProblemAsync();
            Assert.Contains("999", problem.GetProperty("detail").GetString());
        }

        Assert.Equal([existing], await client.ListTasksAsync());
    }

    [Fact]
    public async Task UpdateChangesOnlyTheFieldsSentAndCompletionIsTimestamped()
    {
        using var client = app.CreateClient(await app.CreateUserAsync());
        var original = await client.CreateTaskAsync("Water the plants", "the ferns");

        using var completed = await client.PatchAsJsonAsync($"/api/v1/tasks/{original.Number}", new { is_completed = true });
        var done = await completed.Content.ReadFromJsonAsync<TaskJson>(TaskChatApplication.Json);

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.True(done!.IsCompleted);
        Assert.NotNull(done.CompletedAt);
        Assert.Equal(original.Title, done.Title);
        Assert.Equal(original.Description, done.Description);

        using var reopened = await client.PatchAsJsonAsync($"/api/v1/tasks/{original.Number}", new { is_completed = false, title = "Water all plants" });
        var open = await reopened.Content.ReadFromJsonAsync<TaskJson>(TaskChatApplication.Json);
        Assert.False(open!.IsCompleted);
        Assert.Null(open.CompletedAt);
        Assert.Equal("Water all plants", open.Title);
        Assert.Equal([open], await client.ListTasksAsync());
    }
}
