using System.Net;
using System.Net.Http.Json;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Tasks;

/// <summary>A bad due date, priority or list is a 400 ProblemDetails naming the field, and nothing changes.</summary>
public sealed class TaskFieldInputTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    public static TheoryData<string, string?, string> BadFields => new()
    {
        { "due_date", "2026-02-30", "due_date" },
        { "due_date", "2026-13-01", "due_date" },
        { "due_date", "12/01/2026", "due_date" },
        { "due_date", "2026-1-5", "due_date" },
        { "due_date", "tomorrow", "due_date" },
        { "due_date", "2026-12-01T10:00:00Z", "due_date" },
        { "priority", "urgent", "priority" },
        { "priority", "", "priority" },
        { "list", "", "list" },
        { "list", "   ", "list" },
        { "list", new string('l', 51), "list" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task ABadFieldOnCreateIsRejectedAndNothingIsSaved(string name, string? value, string field)
    {
        using var client = app.CreateClient(await app.CreateUserAsync());

        using var response = await client.PostAsJsonAsync("/api/v1/tasks", new Dictionary<string, string?> { ["title"] = "Valid", [name] = value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty(field).EnumerateArray());
        Assert.Empty(await client.ListTasksAsync());
    }

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task ABadFieldOnUpdateIsRejectedAndTheTaskIsUnchanged(string name, string? value, string field)
    {
        using var client = app.CreateClient(await app.CreateUserAsync());
        var original = await client.CreateTaskAsync(new { title = "Keep me", due_date = "2027-05-01", priority = "high", list = "Work" });

        using var response = await client.PatchAsJsonAsync(
            $"/api/v1/tasks/{original.Number}", new Dictionary<string, string?> { ["title"] = "Changed", [name] = value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadProblemAsync()).GetProperty("errors").GetProperty(field).EnumerateArray());
        Assert.Equal([original], await client.ListTasksAsync());
    }

    [Fact]
    public async Task TheLongestListNameAndAnyRealDateAreAccepted()
    {
        using var client = app.CreateClient(await app.CreateUserAsync());

        var task = await client.CreateTaskAsync(new { title = "Leap day", due_date = "2028-02-29", list = new string('l', 50) });

        Assert.Equal(("2028-02-29", 50), (task.DueDate, task.List!.Length));
    }
}
