using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Tests.Chat;

/// <summary>Editing makes a branch; the old one is kept; the current branch is stored, so it survives a restart.</summary>
public sealed class BranchTests
{
    [Fact]
    public async Task EditingMessageThreeOfSixMakesABranchAndSwitchingBackSurvivesARestart()
    {
        await using var database = await TestDatabase.CreateAsync();
        Guid conversationId;
        List<MessageDto> original;
        Infrastructure.Clients.TestUser user;
        await using (var app = await TaskChatApplication.StartAsync(database: database))
        {
            user = await app.CreateUserAsync();
            using var http = app.CreateClient(user);
            await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
            conversationId = (await chat.SendAndWaitAsync("Create a task to buy milk")).ConversationId;
            await chat.SendAndWaitAsync("Create a task to call mom", conversationId);
            await chat.SendAndWaitAsync("Show me my tasks", conversationId);
            original = [.. (await http.MessagesAsync(conversationId)).Messages];
            Assert.Equal(6, original.Count);
            Assert.All(original, m => Assert.Equal((1, 1), (m.SiblingIndex, m.SiblingCount)));
            Assert.Equal(original.Take(5).Select(m => (Guid?)m.Id), original.Skip(1).Select(m => m.ParentId));

            var edited = await chat.EditAndWaitAsync(conversationId, original[2].Id, "Create a task to walk the dog");

            Assert.Null(edited.Error);
            Assert.NotEmpty(edited.Tokens);
            Assert.Equal(MessageStatus.Completed, edited.Completed.Status);
            Assert.Contains("Walk the dog", edited.Completed.Content);
            Assert.Equal((original[1].Id, 2, 2), (edited.Started.UserMessage.ParentId, edited.Started.UserMessage.SiblingIndex, edited.Started.UserMessage.SiblingCount));
            Assert.Equal([7, 8], [edited.Started.UserMessage.SequenceNumber, (int)(edited.Started.Event / 1_000_000)]);

            var branch = (await http.MessagesAsync(conversationId)).Messages;
            Assert.Equal(["Create a task to buy milk", "Create a task to walk the dog"], branch.Where(m => m.Role == MessageRole.User).Select(m => m.Content));
            Assert.Equal(4, branch.Count);
            Assert.Equal((2, 2), (branch[2].SiblingIndex, branch[2].SiblingCount));
            Assert.Equal(8, await CountMessagesAsync(app, conversationId));

            var back = (await http.SwitchBranchAsync(conversationId, original[2].Id)).Messages;
            Assert.Equal(original.Select(m => (m.Id, m.Content)), back.Select(m => (m.Id, m.Content)));
            Assert.Equal((1, 2), (back[2].SiblingIndex, back[2].SiblingCount));
        }

        await using var restarted = await TaskChatApplication.StartAsync(database: database);
        using var again = restarted.CreateClient(user);
        var afterRestart = (await again.MessagesAsync(conversationId)).Messages;
        Assert.Equal(original.Select(m => (m.Id, m.Content)), afterRestart.Select(m => (m.Id, m.Content)));

        // The old branch is still there to go back to, and a send extends the branch shown.
        await using var chatAgain = await ChatConnection.ConnectAsync(restarted.ServerAddress, user);
        var next = await chatAgain.SendAndWaitAsync("What's left?", conversationId);
        Assert.Equal(original[^1].Id, next.Started.UserMessage.ParentId);
        Assert.Equal(8, (await again.MessagesAsync(conversationId)).Messages.Count);
    }

    [Fact]
    public async Task AnEditedMessagesBranchIsWhatTheNextTurnExtends()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var first = await chat.SendAndWaitAsync("Create a task to buy milk");
        var second = await chat.SendAndWaitAsync("Create a task to call mom", first.ConversationId);

        var edited = await chat.EditAndWaitAsync(first.ConversationId, second.Started.UserMessage.Id, "Create a task to pay rent");
        var next = await chat.SendAndWaitAsync("Show me my tasks", first.ConversationId);

        Assert.Equal(edited.Started.AssistantMessageId, next.Started.UserMessage.ParentId);
        var listed = (await http.MessagesAsync(first.ConversationId)).Messages;
        Assert.Equal(["Create a task to buy milk", "Create a task to pay rent", "Show me my tasks"],
            listed.Where(m => m.Role == MessageRole.User).Select(m => m.Content));

        // Tasks are facts: the one made on the old branch stays.
        var titles = (await http.TasksAsync()).EnumerateArray().Select(t => t.GetProperty("title").GetString()).ToList();
        Assert.Equal(["buy milk", "call mom", "pay rent"], titles.Select(t => t!.ToLowerInvariant()));
    }

    [Fact]
    public async Task PagesOfABranchAreKeysetPagedOldestFirst()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var first = await chat.SendAndWaitAsync("hello");
        var second = await chat.SendAndWaitAsync("Create a task to call mom", first.ConversationId);
        await chat.EditAndWaitAsync(first.ConversationId, second.Started.UserMessage.Id, "Create a task to pay rent");
        await chat.SendAndWaitAsync("Show me my tasks", first.ConversationId);

        var newest = await http.MessagesAsync(first.ConversationId, limit: 4);
        var older = await http.MessagesAsync(first.ConversationId, before: newest.Messages[0].SequenceNumber, limit: 4);

        Assert.True(newest.HasMore);
        Assert.False(older.HasMore);
        Assert.Equal(["hello", "Create a task to pay rent", "Show me my tasks"],
            older.Messages.Concat(newest.Messages).Where(m => m.Role == MessageRole.User).Select(m => m.Content));
        Assert.Equal(6, older.Messages.Count + newest.Messages.Count);
    }

    private static async Task<int> CountMessagesAsync(TaskChatApplication app, Guid conversationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        return await db.Messages.CountAsync(m => m.ConversationId == conversationId);
    }
}
