using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Web.Assistant;

namespace TaskChat.Tests.Assistant;

public sealed class TaskToolsTests(AssistantHost host) : IClassFixture<AssistantHost>
{
    [Fact]
    public async Task ToolsHaveSnakeCaseNamesAndNoUserParameter()
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var tools = Tools(scope, Guid.NewGuid()).AsTools().Cast<AIFunction>().ToList();

        Assert.Equal(
            ["add_task", "list_tasks", "find_tasks", "update_task", "complete_tasks", "delete_tasks", "complete_task", "delete_task"],
            tools.Select(tool => tool.Name));
        foreach (var tool in tools)
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description));
            var parameters = tool.JsonSchema.GetProperty("properties").EnumerateObject().Select(property => property.Name).ToList();
            Assert.All(parameters, name => Assert.Matches("^[a-z]+(_[a-z]+)*$", name));
            Assert.DoesNotContain(parameters, name => name.Contains("user"));
        }

        Assert.Equal(["title", "description", "due_date", "priority", "list"], Parameters(tools[0]));
        Assert.Equal(["status", "list", "due"], Parameters(tools[1]));
        Assert.Equal(["query"], Parameters(tools[2]));
        Assert.Equal(["number", "title", "description", "due_date", "priority", "list", "is_completed"], Parameters(tools[3]));
        Assert.Equal(["numbers"], Parameters(tools[4]));
        Assert.Equal(["numbers"], Parameters(tools[5]));
        Assert.Equal(["number", "completed"], Parameters(tools[6]));
        Assert.Equal(["number"], Parameters(tools[7]));
        Assert.Equal(["title"], Required(tools[0]));
        Assert.Equal(["numbers"], Required(tools[5]));
    }

    [Fact]
    public async Task ResultsAreSnakeCaseJson()
    {
        var userId = await host.CreateUserAsync();
        await using var scope = host.App.Services.CreateAsyncScope();
        var add = Function(Tools(scope, userId), ToolNames.AddTask);

        var result = await add.InvokeAsync(new AIFunctionArguments { ["title"] = "Pay rent", ["description"] = "Before the 5th" });

        var json = Assert.IsType<JsonElement>(result);
        Assert.Equal("succeeded", json.GetProperty("status").GetString());
        Assert.Equal("Added task 1, “Pay rent”.", json.GetProperty("message").GetString());
        var task = json.GetProperty("task");
        Assert.Equal(1, task.GetProperty("number").GetInt32());
        Assert.Equal("Pay rent", task.GetProperty("title").GetString());
        Assert.Equal("Before the 5th", task.GetProperty("description").GetString());
        Assert.False(task.GetProperty("is_completed").GetBoolean());
        Assert.False(json.TryGetProperty("tasks", out _));
        Assert.Equal(ToolStatus.Succeeded, TaskTools.ReadStatus(json.GetRawText()));
    }

    [Fact]
    public async Task ListsByStatus()
    {
        var userId = await host.CreateUserAsync();
        await using var scope = host.App.Services.CreateAsyncScope();
        var tools = Tools(scope, userId);
        await tools.AddTaskAsync("Buy groceries");
        await tools.AddTaskAsync("Call mom");
        await tools.CompleteTaskAsync(2);

        var all = await tools.ListTasksAsync();
        var open = await tools.ListTasksAsync("open");
        var completed = await tools.ListTasksAsync("completed");
        var done = await tools.ListTasksAsync("done");
        var nonsense = await tools.ListTasksAsync("someday");

        Assert.Equal("You have 2 tasks.", all.Message);
        Assert.Equal([1, 2], all.Tasks!.Select(task => task.Number));
        Assert.Equal("You have 1 open task.", open.Message);
        Assert.Equal("Buy groceries", Assert.Single(open.Tasks!).Title);
        Assert.Equal("Call mom", Assert.Single(completed.Tasks!).Title);
        Assert.Equal(completed.Tasks, done.Tasks);
        Assert.Equal(ToolStatus.Failed, nonsense.Status);
        Assert.Contains("Use \"open\", \"done\" or \"all\"", nonsense.Message);
    }

    [Fact]
    public async Task SchemaGuidesTheModelButArgumentsStillGetReadableFailures()
    {
        var userId = await host.CreateUserAsync();
        await using var scope = host.App.Services.CreateAsyncScope();
        var tools = Tools(scope, userId);
        var status = Function(tools, ToolNames.ListTasks).JsonSchema.GetProperty("properties").GetProperty("status");
        Assert.Equal(["all", "open", "done"], status.GetProperty("enum").EnumerateArray().Select(value => value.GetString()));

        var longTitle = await Function(tools, ToolNames.AddTask).InvokeAsync(new AIFunctionArguments { ["title"] = new string('x', 201) });
        var badStatus = await Function(tools, ToolNames.ListTasks).InvokeAsync(new AIFunctionArguments { ["status"] = "someday" });
        var zero = await Function(tools, ToolNames.CompleteTask).InvokeAsync(new AIFunctionArguments { ["number"] = 0 });

        Assert.Equal("The task was not added: The title can be at most 200 characters.", ToolResult.Read(longTitle).Message);
        Assert.Equal(ToolStatus.Failed, ToolResult.ReadStatus(badStatus));
        Assert.Equal("There is no task 0. Use list_tasks to see the numbers.", ToolResult.Read(zero).Message);
    }

    [Fact]
    public async Task EmptyListSaysSo()
    {
        var userId = await host.CreateUserAsync();
        await using var scope = host.App.Services.CreateAsyncScope();

        var result = await Tools(scope, userId).ListTasksAsync("open");

        Assert.Equal(ToolStatus.Succeeded, result.Status);
        Assert.Equal("You have no open tasks.", result.Message);
        Assert.Empty(result.Tasks!);
    }

    [Fact]
    public async Task CompletesReopensAndUpdates()
    {
        var userId = await host.CreateUserAsync();
        await using var scope = host.App.Services.CreateAsyncScope();
        var tools = Tools(scope, userId);
        await tools.AddTaskAsync("Buy groceries");

        var completed = await tools.CompleteTaskAsync(1);
        var again = await tools.CompleteTaskAsync(1);
        var reopened = await tools.CompleteTaskAsync(1, completed: false);
        var renamed = await tools.UpdateTaskAsync(1, title: "Buy oat milk");
        var described = await tools.UpdateTaskAsync(1, description: "The barista one");
        var nothing = await tools.UpdateTaskAsync(1);

        Assert.Equal("Task 1, “Buy groceries”, is now marked as complete.", completed.Message);
        Assert.True(completed.Task!.IsCompleted);
        Assert.Equal("Task 1, “Buy groceries”, was already complete.", again.Message);
        Assert.Equal("Task 1, “Buy groceries”, is open again.", reopened.Message);
        Assert.Equal("Task 1 is now called “Buy oat milk”.", renamed.Message);
        Assert.Equal("The barista one", described.Task!.Description);
        Assert.Equal(ToolStatus.Failed, nothing.Status);

        var stored = await host.FindTaskAsync(userId, 1);
        Assert.Equal("Buy oat milk", stored!.Title);
        Assert.False(stored.IsCompleted);
    }

    [Theory]
    [InlineData("", "A title is required.")]
    [InlineData("   ", "A title is required.")]
    [InlineData(null, "at most 200 characters")]
    public async Task InvalidTitlesFailWithASentence(string? title, string expected)
    {
        var userId = await host.CreateUserAsync();
        await using var scope = host.App.Services.CreateAsyncScope();
        var tools = Tools(scope, userId);
        title ??= new string('x', 201);

        var added = await tools.AddTaskAsync(title);
        await tools.AddTaskAsync("Valid");
        var renamed = await tools.UpdateTaskAsync(1, title: title);

        Assert.Equal(ToolStatus.Failed, added.Status);
        Assert.Contains(expected, added.Message);
        Assert.Equal(ToolStatus.Failed, renamed.Status);
        Assert.Equal("Valid", (await host.FindTaskAsync(userId, 1))!.Title);
    }

    [Fact]
    public async Task UnknownNumbersFailWithAHint()
    {
        var userId = await host.CreateUserAsync();
        await using var scope = host.App.Services.CreateAsyncScope();
        var tools = Tools(scope, userId);

        foreach (var result in new[]
        {
            await tools.CompleteTaskAsync(7), await tools.UpdateTaskAsync(7, title: "X"),
            await tools.DeleteTaskAsync(7), await tools.ConfirmDeleteAsync(7),
        })
        {
            Assert.Equal(ToolStatus.Failed, result.Status);
            Assert.Equal("There is no task 7. Use list_tasks to see the numbers.", result.Message);
        }
    }

    [Fact]
    public async Task DeleteOnlyProposesAndConfirmDeletes()
    {
        var userId = await host.CreateUserAsync();
        await using var scope = host.App.Services.CreateAsyncScope();
        var tools = Tools(scope, userId);
        await tools.AddTaskAsync("Buy groceries");
        var delete = Function(tools, ToolNames.DeleteTask);

        var proposed = await delete.InvokeAsync(new AIFunctionArguments { ["number"] = "1" });

        Assert.Equal(ToolStatus.NeedsConfirmation, ToolResult.ReadStatus(proposed));
        Assert.Equal("Buy groceries", ToolResult.Read(proposed).Task!.Title);
        Assert.NotNull(await host.FindTaskAsync(userId, 1));

        var confirmed = await tools.ConfirmDeleteAsync(1);

        Assert.Equal(ToolStatus.Succeeded, confirmed.Status);
        Assert.Equal("Deleted task 1, “Buy groceries”.", confirmed.Message);
        Assert.Null(await host.FindTaskAsync(userId, 1));
        Assert.DoesNotContain(tools.AsTools(), tool => tool.Name.Contains("confirm"));
    }

    [Fact]
    public async Task ToolsNeverTouchAnotherUsersTasks()
    {
        var alice = await host.CreateUserAsync();
        var bob = await host.CreateUserAsync();
        await using var scope = host.App.Services.CreateAsyncScope();
        await Tools(scope, alice).AddTaskAsync("Alice's secret plan");
        var bobs = Tools(scope, bob);

        var results = new[]
        {
            await bobs.CompleteTaskAsync(1),
            await bobs.UpdateTaskAsync(1, title: "Hijacked"),
            await bobs.DeleteTaskAsync(1),
            await bobs.ConfirmDeleteAsync(1),
        };
        var listed = await bobs.ListTasksAsync();

        Assert.All(results, result =>
        {
            Assert.Equal(ToolStatus.Failed, result.Status);
            Assert.StartsWith("There is no task 1", result.Message);
        });
        Assert.Empty(listed.Tasks!);
        var task = await host.FindTaskAsync(alice, 1);
        Assert.Equal("Alice's secret plan", task!.Title);
        Assert.False(task.IsCompleted);
    }

    [Theory]
    [InlineData("Error: Function failed.", ToolStatus.Failed)]
    [InlineData("{\"status\":\"needs_confirmation\",\"message\":\"m\"}", ToolStatus.NeedsConfirmation)]
    [InlineData("{\"status\":\"succeeded\",\"message\":\"m\"}", ToolStatus.Succeeded)]
    [InlineData("{\"status\":\"weird\",\"message\":\"m\"}", ToolStatus.Failed)]
    [InlineData("", ToolStatus.Failed)]
    public void ReadStatusTreatsAnythingUnreadableAsFailed(string resultJson, ToolStatus expected)
    {
        Assert.Equal(expected, TaskTools.ReadStatus(resultJson));
    }

    private static TaskTools Tools(AsyncServiceScope scope, Guid userId) =>
        scope.ServiceProvider.GetRequiredService<TaskToolsFactory>().Create(userId);

    private static AIFunction Function(TaskTools tools, string name) =>
        tools.AsTools().OfType<AIFunction>().Single(tool => tool.Name == name);

    private static List<string> Required(AIFunction tool) =>
        tool.JsonSchema.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(name => name.GetString()!).ToList() : [];

    private static List<string> Parameters(AIFunction tool) =>
        tool.JsonSchema.GetProperty("properties").EnumerateObject().Select(property => property.Name).ToList();
}
