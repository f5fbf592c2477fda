using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Tests.Chat;

/// <summary>The whole task flow over the hub (create, list, complete, rename, delete with confirmation), as a user would go through it.</summary>
public sealed class TaskFlowTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task CreateListCompleteRenameAndDeleteWithConfirmation()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);

        var created = await chat.SendAndWaitAsync("Create a task to buy groceries");
        AssertStreamedReply(created);
        Assert.Contains("Buy groceries", created.Completed.Content);
        var conversationId = created.ConversationId;
        var task = Assert.Single((await http.TasksAsync()).EnumerateArray());
        Assert.Equal("Buy groceries", task.GetProperty("title").GetString());
        Assert.Equal(1, task.GetProperty("number").GetInt32());
        Assert.Equal("add_task", Assert.Single(created.ToolStarts).Name);
        Assert.Equal(ToolCallStatus.Succeeded, Assert.Single(created.ToolResults).Status);

        var listed = await chat.SendAndWaitAsync("Show me my tasks", conversationId);
        AssertStreamedReply(listed);
        Assert.Contains("Buy groceries", listed.Completed.Content);
        Assert.Equal("list_tasks", Assert.Single(listed.ToolStarts).Name);

        var completed = await chat.SendAndWaitAsync("Mark task 1 as complete", conversationId);
        AssertStreamedReply(completed);
        Assert.Equal("complete_tasks", Assert.Single(completed.ToolStarts).Name);
        Assert.True((await http.TasksAsync())[0].GetProperty("is_completed").GetBoolean());

        var renamed = await chat.SendAndWaitAsync("Rename task 1 to buy oat milk", conversationId);
        AssertStreamedReply(renamed);
        Assert.Equal("update_task", Assert.Single(renamed.ToolStarts).Name);
        Assert.Equal("Buy oat milk", (await http.TasksAsync())[0].GetProperty("title").GetString());

        var proposed = await chat.SendAndWaitAsync("Delete task 1", conversationId);
        AssertStreamedReply(proposed);
        Assert.Equal(ToolCallStatus.NeedsConfirmation, Assert.Single(proposed.ToolResults).Status);
        Assert.Single((await http.TasksAsync()).EnumerateArray());

        var confirmed = await chat.SendAndWaitAsync("yes", conversationId);
        AssertStreamedReply(confirmed);
        Assert.Equal(ToolCallStatus.Succeeded, Assert.Single(confirmed.ToolResults).Status);
        Assert.Empty((await http.TasksAsync()).EnumerateArray());

        // Every tool call is a row too, attached to its reply, with its final status.
        var history = await http.MessagesAsync(conversationId);
        Assert.Equal(12, history.Messages.Count);
        Assert.Equal(Enumerable.Range(1, 12), history.Messages.Select(m => m.SequenceNumber));
        var calls = history.Messages.SelectMany(m => m.ToolCalls).ToList();
        Assert.Equal(
            ["add_task", "list_tasks", "complete_tasks", "update_task", "delete_tasks", "delete_tasks"],
            calls.Select(c => c.Name));
        Assert.Equal(
            [ToolCallStatus.Succeeded, ToolCallStatus.Succeeded, ToolCallStatus.Succeeded, ToolCallStatus.Succeeded, ToolCallStatus.Confirmed, ToolCallStatus.Succeeded],
            calls.Select(c => c.Status));
        Assert.All(history.Messages.Where(m => m.Role == MessageRole.Assistant), m => Assert.Equal(MessageStatus.Completed, m.Status));
        Assert.Equal(confirmed.Completed.Content, history.Messages[^1].Content);
    }

    [Fact]
    public async Task NoKeepsTheTaskAndAnythingElseDeclinesThePendingDeletion()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var first = await chat.SendAndWaitAsync("Create a task to water the plants");
        var conversationId = first.ConversationId;

        await chat.SendAndWaitAsync("Delete task 1", conversationId);
        var declined = await chat.SendAndWaitAsync("no", conversationId);
        Assert.Empty(declined.ToolStarts);
        Assert.Single((await http.TasksAsync()).EnumerateArray());

        // A "yes" after the proposal was declined deletes nothing: the server, not the prompt, decides.
        var lateYes = await chat.SendAndWaitAsync("yes", conversationId);
        Assert.Empty(lateYes.ToolStarts);
        Assert.Single((await http.TasksAsync()).EnumerateArray());

        var history = await http.MessagesAsync(conversationId);
        Assert.Equal(ToolCallStatus.Declined, history.Messages.SelectMany(m => m.ToolCalls).Single(c => c.Name == "delete_tasks").Status);
    }

    [Fact]
    public async Task TheConfirmButtonDeletesOnlyTheProposedTask()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var conversationId = (await chat.SendAndWaitAsync("Create a task to pay rent")).ConversationId;
        await chat.SendAndWaitAsync("Create a task to call mom", conversationId);

        var proposal = await chat.SendAndWaitAsync("Delete task 2", conversationId);
        var toolCallId = Assert.Single(proposal.ToolResults).ToolCallId;
        var confirmed = await chat.ConfirmAsync(conversationId, toolCallId, approve: true);

        Assert.Equal("Yes", confirmed.Started.UserMessage.Content);
        Assert.Equal(ToolCallStatus.Succeeded, Assert.Single(confirmed.ToolResults).Status);
        var remaining = Assert.Single((await http.TasksAsync()).EnumerateArray());
        Assert.Equal(1, remaining.GetProperty("number").GetInt32());

        // The same card cannot be answered twice.
        var again = await chat.ConfirmAsync(conversationId, toolCallId, approve: true);
        Assert.Equal(ChatErrorCodes.ToolCallNotFound, again.Error?.Code);
    }

    [Fact]
    public async Task TheCancelButtonKeepsTheTask()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var conversationId = (await chat.SendAndWaitAsync("Create a task to file taxes")).ConversationId;

        var proposal = await chat.SendAndWaitAsync("Delete task 1", conversationId);
        var cancelled = await chat.ConfirmAsync(conversationId, Assert.Single(proposal.ToolResults).ToolCallId, approve: false);

        Assert.Equal("No", cancelled.Started.UserMessage.Content);
        Assert.Empty(cancelled.ToolStarts);
        Assert.Single((await http.TasksAsync()).EnumerateArray());
    }

    /// <summary>
    /// A reply streams as token events whose deltas add up to the final text. Deltas that reach
    /// the server together go out as one event, so a reply the model produced all at once (the
    /// offline assistant with no pause between words) may be a single event.
    /// </summary>
    internal static void AssertStreamedReply(Turn turn)
    {
        Assert.Null(turn.Error);
        Assert.NotEmpty(turn.Tokens);
        Assert.Equal(MessageStatus.Completed, turn.Completed.Status);
        Assert.Equal(turn.Completed.Content, turn.StreamedText);
        Assert.IsType<TurnStartedEvent>(turn.Events[0]);
        Assert.IsType<MessageCompletedEvent>(turn.Events[^1]);

        // Event numbers are strictly increasing and contiguous within a turn: that is what resuming relies on.
        Turn.AssertContiguous(turn.Events);
    }
}
