using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Tasks;

/// <summary>Due date, priority and list through the REST API: stored, returned, changed, cleared, filtered.</summary>
public sealed class TaskFieldsApiTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task EveryFieldRoundTripsThroughCreateGetListAndPatch()
    {
        using var client = app.CreateClient(await app.CreateUserAsync());

        var created = await client.CreateTaskAsync(new
        {
            title = "Finish the report", description = "Sections 2 and 3", due_date = "2027-03-05", priority = "high", list = "Work",
        });

        Assert.Equal(("Finish the report", "Sections 2 and 3", "2027-03-05", "high", "Work"),
            (created.Title, created.Description, created.DueDate, created.Priority, created.List));
        Assert.Equal(created, await client.GetFromJsonAsync<TaskJson>($"/api/v1/tasks/{created.Number}", TaskChatApplication.Json));
        Assert.Equal([created], await client.ListTasksAsync());

        var changed = await PatchAsync(client, created.Number, new { due_date = "2027-03-08", priority = "low", list = "Home" });
        Assert.Equal(("2027-03-08", "low", "Home"), (changed.DueDate, changed.Priority, changed.List));
        Assert.Equal(("Finish the report", "Sections 2 and 3"), (changed.Title, changed.Description));

        // Leaving a field out keeps it; null clears the due date and the list.
        var titled = await PatchAsync(client, created.Number, new { title = "Finish the big report" });
        Assert.Equal(("2027-03-08", "low", "Home"), (titled.DueDate, titled.Priority, titled.List));
        var cleared = await PatchAsync(client, created.Number, new { due_date = (string?)null, list = (string?)null });
        Assert.Equal((null, "low", null), (cleared.DueDate, cleared.Priority, cleared.List));
        Assert.Equal([cleared], await client.ListTasksAsync());
    }

    [Fact]
    public async Task ATaskWithoutTheNewFieldsHasNoDateNormalPriorityAndNoList()
    {
        using var client = app.CreateClient(await app.CreateUserAsync());

        await client.CreateTaskAsync("Water the plants");

        using var raw = await client.GetAsync("/api/v1/tasks/1");
        var json = JsonDocument.Parse(await raw.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("due_date").ValueKind);
        Assert.Equal("normal", json.GetProperty("priority").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("list").ValueKind);
    }

    [Fact]
    public async Task ListsMatchRegardlessOfCaseKeepTheirFirstSpellingAndCountOpenTasks()
    {
        using var client = app.CreateClient(await app.CreateUserAsync());
        await client.CreateTaskAsync(new { title = "Milk", list = "Shopping" });
        var eggs = await client.CreateTaskAsync(new { title = "Eggs", list = "shopping" });
        await client.CreateTaskAsync(new { title = "Report", list = "Work" });
        await client.CreateTaskAsync(new { title = "Bread", list = "SHOPPING" });
        await client.CreateTaskAsync("No list");
        await PatchAsync(client, eggs.Number, new { is_completed = true });

        Assert.Equal("Shopping", eggs.List);
        var lists = await client.GetFromJsonAsync<List<ListJson>>("/api/v1/lists", TaskChatApplication.Json);
        Assert.Equal([new ListJson("Shopping", 2), new ListJson("Work", 1)], lists);

        var shopping = await client.ListTasksAsync("?list=sHoPpInG");
        Assert.Equal(["Milk", "Eggs", "Bread"], shopping.Select(t => t.Title));
        Assert.Equal(["Milk", "Bread"], (await client.ListTasksAsync("?list=shopping&status=open")).Select(t => t.Title));
        Assert.Equal(["Eggs"], (await client.ListTasksAsync("?list=Shopping&status=done")).Select(t => t.Title));
        Assert.Empty(await client.ListTasksAsync("?list=Garden"));
    }

    [Fact]
    public async Task ListsAreEachUsersOwn()
    {
        using var alice = app.CreateClient(await app.CreateUserAsync());
        using var bob = app.CreateClient(await app.CreateUserAsync());
        await alice.CreateTaskAsync(new { title = "Secret", list = "Plans" });

        Assert.Empty((await bob.GetFromJsonAsync<List<ListJson>>("/api/v1/lists", TaskChatApplication.Json))!);
        Assert.Empty(await bob.ListTasksAsync("?list=Plans"));
    }

    [Theory]
    [InlineData("?status=later", "status")]
    [InlineData("?due=tomorrow", "due")]
    [InlineData("?list=", "list")]
    public async Task AnUnknownFilterIsABadRequestNamingIt(string query, string field)
    {
        using var client = app.CreateClient(await app.CreateUserAsync());
        await client.CreateTaskAsync("Something");

        using var response = await client.GetAsync("/api/v1/tasks" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadProblemAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task ADeletedTaskCanBeRestoredWithItsNumberAndEverything()
    {
        using var client = app.CreateClient(await app.CreateUserAsync());
        await client.CreateTaskAsync("First");
        var second = await client.CreateTaskAsync(new { title = "Second", due_date = "2027-01-02", priority = "high", list = "Work" });

        using var deleted = await client.DeleteAsync($"/api/v1/tasks/{second.Number}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(["First"], (await client.ListTasksAsync()).Select(t => t.Title));
        using var gone = await client.GetAsync($"/api/v1/tasks/{second.Number}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        using var restored = await client.PostAsync($"/api/v1/tasks/{second.Number}/restore", null);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var back = await restored.Content.ReadFromJsonAsync<TaskJson>(TaskChatApplication.Json);
        Assert.Equal((2, "Second", "2027-01-02", "high", "Work"), (back!.Number, back.Title, back.DueDate, back.Priority, back.List));
        Assert.Equal(["First", "Second"], (await client.ListTasksAsync()).OrderBy(t => t.Number).Select(t => t.Title));

        // A new task still gets a new number: the restored one kept its own.
        Assert.Equal(3, (await client.CreateTaskAsync("Third")).Number);
        using var again = await client.PostAsync($"/api/v1/tasks/{second.Number}/restore", null);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task SomeoneElsesDeletedTaskCannotBeRestored()
    {
        using var alice = app.CreateClient(await app.CreateUserAsync());
        using var bob = app.CreateClient(await app.CreateUserAsync());
        await alice.CreateTaskAsync("Alice's");
        (await alice.DeleteAsync("/api/v1/tasks/1")).Dispose();

        using var response = await bob.PostAsync("/api/v1/tasks/1/restore", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await bob.ListTasksAsync());
        Assert.Empty(await alice.ListTasksAsync());
    }

    internal static async Task<TaskJson> PatchAsync(HttpClient client, int number, object body)
    {
        using var response = await client.PatchAsJsonAsync($"/api/v1/tasks/{number}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"PATCH returned {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<TaskJson>(text, TaskChatApplication.Json)!;
    }
}

public sealed record ListJson(string Name, int OpenCount);
