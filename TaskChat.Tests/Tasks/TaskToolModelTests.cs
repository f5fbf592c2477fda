using System.Net.Http.Json;
using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Models;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Tests.Tasks;

/// <summary>
/// The new task tools through the real OpenAI SDK against the scripted model server and the real
/// hub: what a model's tool call stores, and deleting several tasks with one confirmation.
/// </summary>
public sealed class TaskToolModelTests
{
    [Fact]
    public async Task AnAddTaskCallWithDueDatePriorityAndListStoresAllFour()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        world.Model.Enqueue(
            ScriptedReply.ToolCalls(new ScriptedCall("call_add", "add_task",
                "{\"title\": \"Finish the report\", \"due", "_date\": \"2027-03-05\", \"priority\": \"hi", "gh\", \"list\": \"Work\"}")),
            ScriptedReply.Text("Added task 1, due Friday."));

        var turn = await world.Chat.SendAndWaitAsync("Finish the report by Friday, it's urgent, for work");

        Assert.Null(turn.Error);
        Assert.Equal(ToolCallStatus.Succeeded, Assert.Single(turn.ToolResults).Status);
        var task = Assert.Single(await world.Http.ListTasksAsync());
        Assert.Equal(("Finish the report", "2027-03-05", "high", "Work"), (task.Title, task.DueDate, task.Priority, task.List));
        var followUp = await world.Model.WaitForRequestAsync(2);
        Assert.Contains("high priority, on the list “Work”", RecordedRequest.TextOf(followUp.Messages[^1]));
    }

    [Fact]
    public async Task DeleteTasksTwoAndFourProposesOnceAndOneConfirmDeletesBoth()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        foreach (var title in new[] { "One", "Two", "Three", "Four" })
        {
            await world.Http.CreateTaskAsync(title);
        }

        world.Model.Enqueue(
            ScriptedReply.ToolCalls(new ScriptedCall("call_del", "delete_tasks", "{\"numbers\": [2,", " 4]}")),
            ScriptedReply.Text("Confirm to delete tasks 2 and 4."),
            ScriptedReply.Text("Deleted both."));

        var proposed = await world.Chat.SendAndWaitAsync("Delete tasks 2 and 4");

        var proposal = Assert.Single(proposed.ToolResults);
        Assert.Equal((ToolCallStatus.NeedsConfirmation, "delete_tasks"), (proposal.Status, proposal.Name));
        Assert.Equal(4, (await world.Http.ListTasksAsync()).Count);

        var confirmed = await world.Chat.ConfirmAsync(proposed.ConversationId, proposal.ToolCallId, approve: true);

        Assert.Null(confirmed.Error);
        var deletion = Assert.Single(confirmed.ToolResults);
        Assert.Equal((ToolCallStatus.Succeeded, "delete_tasks"), (deletion.Status, deletion.Name));
        Assert.Equal(["One", "Three"], (await world.Http.ListTasksAsync()).Select(t => t.Title));
        var history = (await world.Http.MessagesAsync(proposed.ConversationId)).Messages;
        Assert.Equal(ToolCallStatus.Confirmed, Assert.Single(history[1].ToolCalls).Status);
        var stored = Assert.Single(history[^1].ToolCalls);
        Assert.Equal([2, 4], stored.Result!.Value.GetProperty("previous").EnumerateArray().Select(t => t.GetProperty("number").GetInt32()));
        Assert.True(stored.Arguments.GetProperty("confirmed").GetBoolean());
    }

    [Fact]
    public async Task TheModelIsToldTodaysDateInTheUsersZone()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        using var zone = await world.Http.PatchAsJsonAsync("/api/v1/me", new { time_zone = "Pacific/Kiritimati" });
        zone.EnsureSuccessStatusCode();
        world.Model.Enqueue(ScriptedReply.Text("Hello."));

        await world.Chat.SendAndWaitAsync("What's today?");

        var kiritimati = DateTime.UtcNow.AddHours(14);
        var prompt = RecordedRequest.TextOf(Assert.Single(world.Model.Requests).Messages[0]);
        Assert.Contains($"Today is {kiritimati.DayOfWeek} {kiritimati:yyyy-MM-dd} in the user's time zone (Pacific/Kiritimati).", prompt);
    }
}
