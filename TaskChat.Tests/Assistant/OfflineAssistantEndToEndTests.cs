using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Assistant;

/// <summary>
/// The offline assistant as a new user meets it, one test per ability, each through POST
/// /api/v1/chat and through the hub: every turn is checked by the tasks it leaves behind.
/// </summary>
public sealed class OfflineAssistantEndToEndTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Theory]
    [InlineData("rest")]
    [InlineData("hub")]
    public async Task FindsTasksByTheirNames(string transport)
    {
        await using var chat = await AssistantChat.StartAsync(app, transport);
        await chat.Http.CreateTaskAsync("Finish the quarterly report");
        await chat.Http.CreateTaskAsync("Buy groceries");
        await chat.Http.CreateTaskAsync("Call the dentist");
        await chat.Http.CreateTaskAsync("Call mom");

        var done = await chat.SayAsync("mark the report as done");
        Assert.True((await chat.TaskAsync(1)).IsCompleted);
        Assert.Contains("Finish the quarterly report", done);

        await chat.SayAsync("the dentsit one is finished");
        Assert.True((await chat.TaskAsync(3)).IsCompleted);

        // Two tasks fit "the call" about equally well: it asks, and the answer finishes the request.
        await chat.TaskAsync(3);
        await chat.SayAsync("reopen the dentist one");
        var which = await chat.SayAsync("delete the call");
        Assert.Contains("3. Call the dentist", which);
        Assert.Contains("4. Call mom", which);
        Assert.Equal(4, (await chat.TasksAsync()).Count);
        var proposed = await chat.SayAsync("4");
        Assert.Contains("Call mom", proposed);
        Assert.Equal(4, (await chat.TasksAsync()).Count);
        await chat.SayAsync("yes");
        Assert.Equal([1, 2, 3], (await chat.TasksAsync()).Select(t => t.Number).Order());

        var missing = await chat.SayAsync("complete the gym session");
        Assert.Contains("couldn't find", missing);
        Assert.Equal([true, false, false], (await chat.TasksAsync()).OrderBy(t => t.Number).Select(t => t.IsCompleted));
    }

    [Theory]
    [InlineData("rest")]
    [InlineData("hub")]
    public async Task DoesSeveralThingsAtOnce(string transport)
    {
        await using var chat = await AssistantChat.StartAsync(app, transport);

        await chat.SayAsync("add eggs, milk and bread to my shopping list");
        var tasks = await chat.TasksAsync();
        Assert.Equal(["Eggs", "Milk", "Bread"], tasks.OrderBy(t => t.Number).Select(t => t.Title));
        Assert.All(tasks, t => Assert.Equal("Shopping", t.List));

        await chat.SayAsync("add call mom and dad\nadd salt and pepper grinder");
        Assert.Equal(["Call mom and dad", "Salt and pepper grinder"], (await chat.TasksAsync()).Where(t => t.Number > 3).Select(t => t.Title).Order());

        await chat.SayAsync("complete 1 and 3");
        Assert.Equal([1, 3], (await chat.TasksAsync()).Where(t => t.IsCompleted).Select(t => t.Number).Order());

        // One proposal names every task; nothing goes before the one confirmation.
        var proposal = await chat.SayAsync("delete tasks 2 and 4");
        Assert.Contains("Milk", proposal);
        Assert.Contains("Call mom and dad", proposal);
        Assert.Equal(5, (await chat.TasksAsync()).Count);
        Assert.Equal("delete_tasks", (await chat.ToolCallsAsync())[^1]);
        await chat.SayAsync("yes");
        Assert.Equal([1, 3, 5], (await chat.TasksAsync()).Select(t => t.Number).Order());

        await chat.SayAsync("clear completed tasks");
        Assert.Equal(3, (await chat.TasksAsync()).Count);
        await chat.SayAsync("yes");
        Assert.Equal([5], (await chat.TasksAsync()).Select(t => t.Number));

        await chat.SayAsync("mark everything as done");
        Assert.True((await chat.TaskAsync(5)).IsCompleted);
    }

    [Theory]
    [InlineData("rest")]
    [InlineData("hub")]
    public async Task TakesDatesPrioritiesAndListsOutOfTheWordsInTheUsersZone(string transport)
    {
        // Kiritimati is 14 hours ahead of UTC: for most of the UTC day its "tomorrow" is UTC's day after tomorrow.
        const string zone = "Pacific/Kiritimati";
        await using var chat = await AssistantChat.StartAsync(app, transport, zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);

        await chat.SayAsync("remind me to call mom tomorrow");
        var task = await chat.TaskAsync(1);
        Assert.Equal(("Call mom", Iso(today.AddDays(1))), (task.Title, task.DueDate));

        await chat.SayAsync("move it to friday");
        Assert.Equal(Iso(NextWeekday(today, DayOfWeek.Friday)), (await chat.TaskAsync(1)).DueDate);

        await chat.SayAsync("make it urgent");
        Assert.Equal("high", (await chat.TaskAsync(1)).Priority);

        await chat.SayAsync("put it on my family list");
        Assert.Equal("Family", (await chat.TaskAsync(1)).List);

        await chat.SayAsync("add finish the report by the end of the month, it's important, for work");
        var report = await chat.TaskAsync(2);
        Assert.Equal(("Finish the report", Iso(new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month))), "high", "Work"),
            (report.Title, report.DueDate, report.Priority, report.List));

        await chat.SayAsync("add learn to juggle someday");
        Assert.Equal(("Learn to juggle", null, "low"), ((await chat.TaskAsync(3)).Title, (await chat.TaskAsync(3)).DueDate, (await chat.TaskAsync(3)).Priority));
    }

    [Theory]
    [InlineData("rest")]
    [InlineData("hub")]
    public async Task AnswersQuestionsFromTheMatchingTasksOnly(string transport)
    {
        await using var chat = await AssistantChat.StartAsync(app, transport);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await chat.Http.CreateTaskAsync(new { title = "Due today", due_date = Iso(today), priority = "high", list = "Work" });
        await chat.Http.CreateTaskAsync(new { title = "Due tomorrow", due_date = Iso(today.AddDays(1)) });
        await chat.Http.CreateTaskAsync(new { title = "Long overdue", due_date = Iso(today.AddDays(-3)) });
        await chat.Http.CreateTaskAsync(new { title = "Someday maybe", list = "Home" });
        await chat.Http.CreateTaskAsync(new { title = "Already done" });
        await chat.SayAsync("I finished the already done one");
        Assert.True((await chat.TaskAsync(5)).IsCompleted);

        AssertNames(await chat.SayAsync("what's due today?"), "Due today");
        AssertNames(await chat.SayAsync("what's due tomorrow"), "Due tomorrow");
        AssertNames(await chat.SayAsync("what's overdue?"), "Long overdue");
        AssertNames(await chat.SayAsync("what's on my work list"), "Due today");
        AssertNames(await chat.SayAsync("what's high priority"), "Due today");
        AssertNames(await chat.SayAsync("what did I finish"), "Already done");
        AssertNames(await chat.SayAsync("what's left"), "Due today", "Due tomorrow", "Long overdue", "Someday maybe");
        AssertNames(await chat.SayAsync("what's due this week"), "Due today", "Due tomorrow");
        Assert.Contains("4", await chat.SayAsync("how many tasks do I have left"));
        Assert.Equal(5, (await chat.TasksAsync()).Count);
    }

    [Theory]
    [InlineData("rest")]
    [InlineData("hub")]
    public async Task UndoRevertsTheLastChangeAndThenTheOneBefore(string transport)
    {
        await using var chat = await AssistantChat.StartAsync(app, transport);
        await chat.SayAsync("add water the plants");
        await chat.SayAsync("add pick up the kids");

        var undone = await chat.SayAsync("oops, undo");
        Assert.Contains("Pick up the kids", undone);
        Assert.Equal(["Water the plants"], (await chat.TasksAsync()).Select(t => t.Title));

        await chat.SayAsync("mark the plants as done");
        await chat.SayAsync("undo that");
        Assert.False((await chat.TaskAsync(1)).IsCompleted);

        await chat.SayAsync("rename task 1 to water the garden");
        await chat.SayAsync("move it to tomorrow");
        await chat.SayAsync("undo");
        Assert.Equal(("Water the garden", null), ((await chat.TaskAsync(1)).Title, (await chat.TaskAsync(1)).DueDate));
        await chat.SayAsync("undo");
        Assert.Equal("Water the plants", (await chat.TaskAsync(1)).Title);

        // A confirmed deletion comes back with its number.
        await chat.SayAsync("delete task 1");
        await chat.SayAsync("yes");
        Assert.Empty(await chat.TasksAsync());
        var restored = await chat.SayAsync("undo");
        Assert.Contains("back", restored);
        Assert.Equal([(1, "Water the plants")], (await chat.TasksAsync()).Select(t => (t.Number, t.Title)));
    }

    [Theory]
    [InlineData("rest")]
    [InlineData("hub")]
    public async Task UnderstandsTyposAndAnswersSmallTalkWithoutCreatingTasks(string transport)
    {
        await using var chat = await AssistantChat.StartAsync(app, transport);

        await chat.SayAsync("ad buy milk");
        await chat.SayAsync("ad call the bank");
        Assert.Contains("Buy milk", await chat.SayAsync("shwo my taks"));
        await chat.SayAsync("compelte task 1");
        await chat.SayAsync("mark tsak 2 as doen");
        Assert.All(await chat.TasksAsync(), t => Assert.True(t.IsCompleted));
        await chat.SayAsync("delte task 2");
        await chat.SayAsync("no");
        Assert.Equal(2, (await chat.TasksAsync()).Count);

        var greeting = await chat.SayAsync("hello");
        var thanks = await chat.SayAsync("thanks!");
        var again = await chat.SayAsync("thanks!");
        var lost = await chat.SayAsync("what's the capital of France?");
        Assert.NotEqual(thanks, again);
        foreach (var reply in new[] { greeting, thanks, again, lost })
        {
            Assert.InRange(reply.Split('\n').Count(line => line.StartsWith("- “", StringComparison.Ordinal)), 2, 3);
            Assert.True(reply.Length < 300, reply);
        }

        Assert.Equal(2, (await chat.TasksAsync()).Count);
    }

    /// <summary>The reply names exactly these of the test's task titles.</summary>
    private static void AssertNames(string reply, params string[] expected)
    {
        string[] all = ["Due today", "Due tomorrow", "Long overdue", "Someday maybe", "Already done"];
        Assert.Equal(expected.Order(), all.Where(reply.Contains).Order());
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd");

    private static DateOnly NextWeekday(DateOnly today, DayOfWeek day)
    {
        var days = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(days == 0 ? 7 : days);
    }
}
