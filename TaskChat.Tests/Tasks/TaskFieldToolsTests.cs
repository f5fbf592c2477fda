using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Assistant;
using TaskChat.Web.Assistant;
using TaskChat.Web.Tasks;

namespace TaskChat.Tests.Tasks;

/// <summary>The assistant's tools with due dates, priorities and lists, invoked as a model invokes them (JSON arguments).</summary>
public sealed class TaskFieldToolsTests(AssistantHost host) : IClassFixture<AssistantHost>
{
    [Fact]
    public async Task AddTaskStoresEveryFieldAndReportsItInTheResult()
    {
        var userId = await host.CreateUserAsync();
        await using var scope = host.App.Services.CreateAsyncScope();

        var result = await Invoke(scope, userId, ToolNames.AddTask,
            """{"title": "Finish the report", "due_date": "2027-03-05", "priority": "high", "list": "Work"}""");

        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Equal("Added task 1, “Finish the report”, due 2027-03-05 (Fri 5 Mar 2027), high priority, on the list “Work”.",
            result.GetProperty("message").GetString());
        var task = result.GetProperty("task");
        Assert.Equal(("2027-03-05", "high", "Work"),
            (task.GetProperty("due_date").GetString(), task.GetProperty("priority").GetString(), task.GetProperty("list").GetString()));
        var stored = await host.FindTaskAsync(userId, 1);
        Assert.Equal((new DateOnly(2027, 3, 5), TaskPriority.High, "Work"), (stored!.DueDate, stored.Priority, stored.List));
    }

    [Theory]
    [InlineData("""{"title": "X", "due_date": "2026-02-30"}""", "due date must be a real calendar date")]
    [InlineData("""{"title": "X", "due_date": "next friday"}""", "YYYY-MM-DD")]
    [InlineData("""{"title": "X", "priority": "urgent"}""", "low, normal or high")]
    [InlineData("""{"title": "X", "list": "LONG"}""", "1 to 50 characters")]
    public async Task BadFieldsFailWithASentenceAndAddNothing(string arguments, string expected)
    {
        var userId = await host.CreateUserAsync();
        await using var scope = host.App.Services.CreateAsyncScope();

        var result = await Invoke(scope, userId, ToolNames.AddTask, arguments.Replace("LONG", new string('l', 51)));

        Assert.Equal("failed", result.GetProperty("status").GetString());
        Assert.Contains(expected, result.GetProperty("message").GetString());
        Assert.Empty(await host.ListTasksAsync(userId));
    }

    [Fact]
    public async Task UpdateTaskChangesWhatIsSentClearsWhatIsNullAndRecordsWhatItWas()
    {
        var userId = await host.CreateUserAsync();
        await using var scope = host.App.Services.CreateAsyncScope();
        await Invoke(scope, userId, ToolNames.AddTask, """{"title": "Call mom", "due_date": "2027-01-10", "list": "Family"}""");

        var moved = await Invoke(scope, userId, ToolNames.UpdateTask, """{"number": 1, "due_date": "2027-01-12", "priority": "high"}""");
        var cleared = await Invoke(scope, userId, ToolNames.UpdateTask, """{"number": 1, "due_date": null, "list": null}""");
        var bad = await Invoke(scope, userId, ToolNames.UpdateTask, """{"number": 1, "priority": "someday"}""");

        Assert.Equal("succeeded", moved.GetProperty("status").GetString());
        var before = Assert.Single(moved.GetProperty("previous").EnumerateArray());
        Assert.Equal(("2027-01-10", "normal", "Family"),
            (before.GetProperty("due_date").GetString(), before.GetProperty("priority").GetString(), before.GetProperty("list").GetString()));
        Assert.Equal("2027-01-12", moved.GetProperty("task").GetProperty("due_date").GetString());
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("task").GetProperty("due_date").ValueKind);
        Assert.Equal("failed", bad.GetProperty("status").GetString());
        var stored = await host.FindTaskAsync(userId, 1);
        Assert.Equal((null, TaskPriority.High, null), (stored!.DueDate, stored.Priority, stored.List));
    }

    [Fact]
    public async Task CompleteTasksCompletesAllOrNone()
    {
        var userId = await host.CreateUserAsync();
        await using var scope = host.App.Services.CreateAsyncScope();
        foreach (var title in new[] { "One", "Two", "Three" })
        {
            await Invoke(scope, userId, ToolNames.AddTask, $$"""{"title": "{{title}}"}""");
        }

        var missing = await Invoke(scope, userId, ToolNames.CompleteTasks, """{"numbers": [1, 9]}""");
        Assert.Equal("failed", missing.GetProperty("status").GetString());
        Assert.All(await host.ListTasksAsync(userId), task => Assert.False(task.IsCompleted));

        var done = await Invoke(scope, userId, ToolNames.CompleteTasks, """{"numbers": [1, "3"]}""");

        Assert.Equal("Marked 2 tasks as complete (1 and 3).", done.GetProperty("message").GetString());
        Assert.Equal([1, 3], done.GetProperty("previous").EnumerateArray().Select(t => t.GetProperty("number").GetInt32()));
        Assert.All(done.GetProperty("previous").EnumerateArray(), t => Assert.False(t.GetProperty("is_completed").GetBoolean()));
        Assert.Equal([true, false, true], (await host.ListTasksAsync(userId)).OrderBy(t => t.Number).Select(t => t.IsCompleted));
    }

    [Fact]
    public async Task DeleteTasksProposesOnceAndTheConfirmationDeletesThemAll()
    {
        var userId = await host.CreateUserAsync();
        await using var scope = host.App.Services.CreateAsyncScope();
        foreach (var title in new[] { "One", "Two", "Three", "Four" })
        {
            await Invoke(scope, userId, ToolNames.AddTask, $$"""{"title": "{{title}}"}""");
        }

        var proposed = await Invoke(scope, userId, ToolNames.DeleteTasks, """{"numbers": [2, 4]}""");

        Assert.Equal("needs_confirmation", proposed.GetProperty("status").GetString());
        Assert.Equal(["Two", "Four"], proposed.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        Assert.Equal(4, (await host.ListTasksAsync(userId)).Count);

        var tools = scope.ServiceProvider.GetRequiredService<TaskToolsFactory>().Create(userId);
        var confirmed = await tools.ConfirmDeleteAsync([2, 4]);

        Assert.Equal(ToolStatus.Succeeded, confirmed.Status);
        Assert.Equal("Deleted tasks 2 “Two”, 4 “Four”.", confirmed.Message);
        Assert.Equal([2, 4], confirmed.Previous!.Select(t => t.Number));
        Assert.Equal(["One", "Three"], (await host.ListTasksAsync(userId)).Select(t => t.Title));
    }

    [Fact]
    public async Task FindTasksRanksTitlesByTheWordsTheyShare()
    {
        var userId = await host.CreateUserAsync();
        await using var scope = host.App.Services.CreateAsyncScope();
        foreach (var title in new[] { "Buy oat milk", "Call the dentist", "Buy bread", "Milkshake night" })
        {
            await Invoke(scope, userId, ToolNames.AddTask, $$"""{"title": "{{title}}"}""");
        }

        var found = await Invoke(scope, userId, ToolNames.FindTasks, """{"query": "buy the milk"}""");
        var none = await Invoke(scope, userId, ToolNames.FindTasks, """{"query": "garden"}""");

        Assert.Equal(["Buy oat milk", "Buy bread", "Milkshake night"],
            found.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        Assert.Equal([1, 3, 4], found.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("number").GetInt32()));
        Assert.Empty(none.GetProperty("tasks").EnumerateArray());
        Assert.Equal("No task matches “garden”.", none.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ListTasksFiltersByListAndDueDate()
    {
        var userId = await host.CreateUserAsync();
        await using var scope = host.App.Services.CreateAsyncScope();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Invoke(scope, userId, ToolNames.AddTask, $$"""{"title": "Milk", "list": "Shopping", "due_date": "{{FixedClock.Iso(today)}}"}""");
        await Invoke(scope, userId, ToolNames.AddTask, $$"""{"title": "Report", "list": "Work", "due_date": "{{FixedClock.Iso(today.AddDays(-2))}}"}""");
        await Invoke(scope, userId, ToolNames.AddTask, """{"title": "Eggs", "list": "shopping"}""");

        var shopping = await Invoke(scope, userId, ToolNames.ListTasks, """{"list": "SHOPPING"}""");
        var dueToday = await Invoke(scope, userId, ToolNames.ListTasks, """{"due": "today"}""");
        var overdue = await Invoke(scope, userId, ToolNames.ListTasks, """{"status": "open", "due": "overdue"}""");
        var badDue = await Invoke(scope, userId, ToolNames.ListTasks, """{"due": "soon"}""");

        Assert.Equal(["Milk", "Eggs"], Titles(shopping));
        Assert.Equal("You have 2 tasks on the list “SHOPPING”.", shopping.GetProperty("message").GetString());
        Assert.Equal(["Milk"], Titles(dueToday));
        Assert.Equal(["Report"], Titles(overdue));
        Assert.Equal("You have 1 overdue task.", overdue.GetProperty("message").GetString());
        Assert.Equal("failed", badDue.GetProperty("status").GetString());
    }

    private static List<string?> Titles(JsonElement result) =>
        result.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()).ToList();

    /// <summary>Calls a tool the way the function-invoking client does: arguments parsed from the model's JSON.</summary>
    private static async Task<JsonElement> Invoke(AsyncServiceScope scope, Guid userId, string name, string argumentsJson)
    {
        var tools = scope.ServiceProvider.GetRequiredService<TaskToolsFactory>().Create(userId);
        var function = tools.AsTools().OfType<AIFunction>().Single(tool => tool.Name == name);
        var arguments = JsonSerializer.Deserialize<Dictionary<string, object?>>(argumentsJson)!;
        var result = await function.InvokeAsync(new AIFunctionArguments(arguments));
        return Assert.IsType<JsonElement>(result);
    }
}
