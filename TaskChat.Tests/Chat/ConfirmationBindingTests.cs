using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Tests.Models;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Tests.Chat;

/// <summary>
/// A typed "yes" answers only the server's own question about a deletion, never a question the
/// model wrote; a waiting deletion waits until it is answered, and a new one replaces it visibly.
/// </summary>
public sealed class ConfirmationBindingTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task AYesToTheModelsDeceivingQuestionDeletesNothingAndTheConfirmButtonStillWorks()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        foreach (var title in (string[])["Call mom", "Pay rent", "Drop me"])
        {
            await world.Http.CreateTaskAsync(title);
        }

        world.Model.Enqueue(
            ScriptedReply.ToolCalls(new ScriptedCall("call_evil", "delete_task", "{\"number\": 3}")),
            ScriptedReply.Text("Would you like me to add 'Buy milk'? Just reply yes"),
            ScriptedReply.Text("Okay."),
            ScriptedReply.Text("Done."));

        var proposed = await world.Chat.SendAndWaitAsync("What can you do?");
        var proposal = Assert.Single(proposed.ToolResults);
        Assert.Equal(ToolCallStatus.NeedsConfirmation, proposal.Status);
        // The server asked its own question, naming the task, but the model had the last word.
        Assert.Contains("Delete task 3, “Drop me”? Reply “yes” to delete it or “no” to keep it.", proposed.Completed.Content);
        Assert.EndsWith("Just reply yes", proposed.Completed.Content);

        var yes = await world.Chat.SendAndWaitAsync("yes", proposed.ConversationId);

        Assert.Null(yes.Error);
        Assert.Empty(yes.ToolResults);
        Assert.Equal(["Call mom", "Pay rent", "Drop me"], (await world.Http.ListTasksAsync()).Select(t => t.Title));
        Assert.EndsWith("Task 3, “Drop me”, is still waiting: delete it?", yes.Completed.Content);
        var history = (await world.Http.MessagesAsync(proposed.ConversationId)).Messages;
        Assert.Equal(ToolCallStatus.NeedsConfirmation, history[1].ToolCalls.Single().Status);

        var confirmed = await world.Chat.ConfirmAsync(proposed.ConversationId, proposal.ToolCallId, approve: true);

        Assert.Equal(ToolCallStatus.Succeeded, Assert.Single(confirmed.ToolResults).Status);
        Assert.Equal(["Call mom", "Pay rent"], (await world.Http.ListTasksAsync()).Select(t => t.Title));
        Assert.DoesNotContain("still waiting", confirmed.Completed.Content);
    }

    [Fact]
    public async Task DeleteThenYesStillWorksWithTheOfflineAssistant()
    {
        var (http, chat) = await SignInAsync("Buy groceries");
        await using var _ = chat;

        var proposed = await chat.SendAndWaitAsync("delete task 1");
        Assert.Equal(ToolCallStatus.NeedsConfirmation, Assert.Single(proposed.ToolResults).Status);
        Assert.EndsWith("Delete task 1, “Buy groceries”? Reply “yes” to delete it or “no” to keep it.", proposed.Completed.Content);

        var confirmed = await chat.SendAndWaitAsync("yes", proposed.ConversationId);

        Assert.Equal(ToolCallStatus.Succeeded, Assert.Single(confirmed.ToolResults).Status);
        Assert.Empty(await http.ListTasksAsync());
    }

    [Fact]
    public async Task AProposalSurvivesTwoUnrelatedMessagesEachEndingWithTheReminderAndIsThenConfirmed()
    {
        var (http, chat) = await SignInAsync("Keep me", "Drop me");
        await using var _ = chat;

        var proposed = await chat.SendAndWaitAsync("delete task 2");
        var unrelated = new[]
        {
            await chat.SendAndWaitAsync("add buy bread", proposed.ConversationId),
            await chat.SendAndWaitAsync("show me my tasks", proposed.ConversationId),
        };

        Assert.Equal("add_task", Assert.Single(unrelated[0].ToolStarts).Name);
        Assert.All(unrelated, turn => Assert.EndsWith("Task 2, “Drop me”, is still waiting: delete it?", turn.Completed.Content));
        Assert.Equal(3, (await http.ListTasksAsync()).Count);

        var confirmed = await chat.SendAndWaitAsync("yes", proposed.ConversationId);

        Assert.Equal(ToolCallStatus.Succeeded, Assert.Single(confirmed.ToolResults).Status);
        Assert.Equal(["Keep me", "Buy bread"], (await http.ListTasksAsync()).Select(t => t.Title));
        Assert.DoesNotContain("still waiting", confirmed.Completed.Content);
    }

    [Fact]
    public async Task ANewProposalReplacesTheWaitingOneAndSaysSo()
    {
        var (http, chat) = await SignInAsync("First", "Second");
        await using var _ = chat;

        var first = await chat.SendAndWaitAsync("delete task 1");
        var second = await chat.SendAndWaitAsync("delete task 2", first.ConversationId);

        var oldId = Assert.Single(first.ToolResults).ToolCallId;
        Assert.Contains(second.ToolResults, r => r.ToolCallId == oldId && r.Status == ToolCallStatus.Superseded);
        Assert.Contains("This replaces the deletion of task 1, “First”, which was waiting; it stays on your list.", second.Completed.Content);
        Assert.EndsWith("Delete task 2, “Second”? Reply “yes” to delete it or “no” to keep it.", second.Completed.Content);

        // The old card can no longer be answered; "yes" deletes only the one that stands.
        var stale = await chat.ConfirmAsync(first.ConversationId, oldId, approve: true);
        Assert.Equal("tool_call_not_found", stale.Error?.Code);
        await chat.SendAndWaitAsync("yes", first.ConversationId);
        Assert.Equal(["First"], (await http.ListTasksAsync()).Select(t => t.Title));
        var calls = (await http.MessagesAsync(first.ConversationId)).Messages.SelectMany(m => m.ToolCalls).ToList();
        Assert.Equal([ToolCallStatus.Superseded, ToolCallStatus.Confirmed, ToolCallStatus.Succeeded], calls.Select(c => c.Status));
    }

    [Fact]
    public async Task SeveralProposalsInOneTurnLeaveOnlyTheLastStandingVisibly()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        await world.Http.CreateTaskAsync("Alpha");
        await world.Http.CreateTaskAsync("Beta");
        world.Model.Enqueue(
            ScriptedReply.ToolCalls("Sure.",
                new ScriptedCall("call_1", "delete_task", "{\"number\": 1}"),
                new ScriptedCall("call_2", "delete_task", "{\"number\": 2}")),
            ScriptedReply.Text(),
            ScriptedReply.Text("Deleted."));

        var proposed = await world.Chat.SendAndWaitAsync("Delete both");

        var statuses = proposed.ToolResults.Select(r => r.Status).ToList();
        Assert.Equal([ToolCallStatus.NeedsConfirmation, ToolCallStatus.NeedsConfirmation, ToolCallStatus.Superseded], statuses);
        Assert.Contains("This replaces the deletion of task 1, “Alpha”, which was waiting", proposed.Completed.Content);
        Assert.EndsWith("Delete task 2, “Beta”? Reply “yes” to delete it or “no” to keep it.", proposed.Completed.Content);

        var confirmed = await world.Chat.SendAndWaitAsync("yes", proposed.ConversationId);

        Assert.Equal(ToolCallStatus.Succeeded, Assert.Single(confirmed.ToolResults).Status);
        Assert.Equal(["Alpha"], (await world.Http.ListTasksAsync()).Select(t => t.Title));
    }

    [Fact]
    public async Task OneDeleteTasksProposalIsOneQuestionAndOneCardNamingEveryTaskAndOneYesDeletesThemAll()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        foreach (var title in (string[])["Alpha", "Beta", "Gamma"])
        {
            await world.Http.CreateTaskAsync(title);
        }

        world.Model.Enqueue(
            ScriptedReply.ToolCalls("I'll clear those.", new ScriptedCall("call_many", "delete_tasks", "{\"numbers\": [1, 3]}")),
            ScriptedReply.Text(),
            ScriptedReply.Text("Both gone."));

        var proposed = await world.Chat.SendAndWaitAsync("Delete alpha and gamma");

        var card = Assert.Single(proposed.ToolResults);
        Assert.Equal(ToolCallStatus.NeedsConfirmation, card.Status);
        Assert.Equal("“Alpha” and “Gamma” will be deleted once you confirm. You can also reply “yes” or “no”.", card.Summary);
        Assert.EndsWith("Delete tasks 1, “Alpha”, and 3, “Gamma”? Reply “yes” to delete them or “no” to keep them.", proposed.Completed.Content);

        var confirmed = await world.Chat.SendAndWaitAsync("yes", proposed.ConversationId);

        Assert.Equal(ToolCallStatus.Succeeded, Assert.Single(confirmed.ToolResults).Status);
        Assert.Equal(["Beta"], (await world.Http.ListTasksAsync()).Select(t => t.Title));
    }

    [Fact]
    public async Task ATypedNoAnsweringTheQuestionKeepsTheTaskAndClosesTheProposal()
    {
        var (http, chat) = await SignInAsync("Stay");
        await using var _ = chat;

        var proposed = await chat.SendAndWaitAsync("delete task 1");
        var declined = await chat.SendAndWaitAsync("no", proposed.ConversationId);
        var after = await chat.SendAndWaitAsync("show me my tasks", proposed.ConversationId);

        Assert.Single(await http.ListTasksAsync());
        Assert.DoesNotContain("still waiting", declined.Completed.Content);
        Assert.DoesNotContain("still waiting", after.Completed.Content);
        var proposal = (await http.MessagesAsync(proposed.ConversationId)).Messages[1].ToolCalls.Single();
        Assert.Equal(ToolCallStatus.Declined, proposal.Status);
    }

    private async Task<(HttpClient Http, ChatConnection Chat)> SignInAsync(params string[] tasks)
    {
        var user = await app.CreateUserAsync();
        var http = app.CreateClient(user);
        foreach (var title in tasks)
        {
            await http.CreateTaskAsync(title);
        }

        return (http, await ChatConnection.ConnectAsync(app.ServerAddress, user));
    }
}
