using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;
using TaskChat.Web.Operations;

namespace TaskChat.Tests.Chat;

/// <summary>EditMessage and RegenerateReply keep every rule of a turn: idempotent, one at a time, bad input refused, deletions confirmed.</summary>
public sealed class BranchRulesTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task RepeatedClientMessageIdsOfAnEditAndARegenerationReplayTheirTurns()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var first = await chat.SendAndWaitAsync("Create a task to renew passport");

        var edit = await chat.EditAndWaitAsync(first.ConversationId, first.Started.UserMessage.Id, "Create a task to renew visa", "edit-1");
        var editAgain = await chat.EditAndWaitAsync(first.ConversationId, first.Started.UserMessage.Id, "Create a task to renew visa", "edit-1");
        var regenerate = await chat.RegenerateAndWaitAsync(first.ConversationId, edit.Started.AssistantMessageId, "regen-1");
        var regenerateAgain = await chat.RegenerateAndWaitAsync(first.ConversationId, edit.Started.AssistantMessageId, "regen-1");

        Assert.Equal((edit.Started.AssistantMessageId, edit.Completed.Content), (editAgain.Started.AssistantMessageId, editAgain.Completed.Content));
        Assert.Equal((regenerate.Started.AssistantMessageId, regenerate.Completed.Content),
            (regenerateAgain.Started.AssistantMessageId, regenerateAgain.Completed.Content));
        Assert.NotEqual(edit.Started.AssistantMessageId, regenerate.Started.AssistantMessageId);
        Assert.Equal(5, await CountMessagesAsync(first.ConversationId));
        Assert.Equal(3, (await http.TasksAsync()).GetArrayLength());
    }

    [Fact]
    public async Task SwitchingBranchWhileAReplyStreamsIsRefusedAndWorksOnceItHasEnded()
    {
        await using var slowApp = await TaskChatApplication.StartAsync(SlowReplies.Settings(delayMs: 20));
        await using var slow = await SlowConversation.StartAsync(slowApp);
        var (_, http, chat, conversationId) = slow;
        var original = (await http.MessagesAsync(conversationId)).Messages[0];
        await chat.EditAndWaitAsync(conversationId, original.Id, "hi");

        var events = new List<ChatEvent>();
        HttpStatusCode? refused = null;
        string? code = null;
        using var timeout = new CancellationTokenSource(TestSettings.Timeout);
        await foreach (var chatEvent in chat.Send(SlowReplies.Prompt, conversationId, cancellationToken: timeout.Token))
        {
            events.Add(chatEvent);
            if (chatEvent is TokenEvent && refused is null)
            {
                using var response = await http.PutAsJsonAsync($"/api/v1/conversations/{conversationId}/branch", new { message_id = original.Id });
                refused = response.StatusCode;
                code = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString();
            }
        }

        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.Equal(ChatErrorCodes.TurnInProgress, code);
        var completed = events.OfType<MessageCompletedEvent>().Single();
        Assert.Equal(MessageStatus.Completed, completed.Status);
        Assert.Equal(completed.MessageId, (await http.MessagesAsync(conversationId)).Messages[^1].Id);

        var switched = await http.SwitchBranchAsync(conversationId, original.Id);
        Assert.Equal(original.Id, switched.Messages[0].Id);
        Assert.Equal(2, switched.Messages.Count);
    }

    [Fact]
    public async Task ConcurrentRepeatsOfAnEditOrARegenerationMakeOneTurnEach()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var first = await chat.SendAndWaitAsync("Create a task to book dentist");

        var edits = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            chat.EditAndWaitAsync(first.ConversationId, first.Started.UserMessage.Id, "Create a task to book doctor", "same-edit")));
        var regenerations = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            chat.RegenerateAndWaitAsync(first.ConversationId, edits[0].Started.AssistantMessageId, "same-regen")));

        Assert.All(edits.Concat(regenerations), turn => Assert.Null(turn.Error));
        Assert.Single(edits.Select(t => t.Started.AssistantMessageId).Distinct());
        Assert.Single(regenerations.Select(t => t.Started.AssistantMessageId).Distinct());
        Assert.Equal(5, await CountMessagesAsync(first.ConversationId));
        Assert.Equal(3, (await http.TasksAsync()).GetArrayLength());
    }

    [Fact]
    public async Task ConcurrentEditsAndRegenerationsGetOneTurnAtATime()
    {
        // Paced words keep each round's winner streaming while the other requests arrive, as in
        // TurnRulesTests: an instant reply could end before a later request is read.
        await using var slowApp = await TaskChatApplication.StartAsync(SlowReplies.Settings(delayMs: 60));
        var user = await slowApp.CreateUserAsync();
        await using var chat = await ChatConnection.ConnectAsync(slowApp.ServerAddress, user);
        var first = await chat.SendAndWaitAsync("Show me my tasks");
        var inserted = 2;
        for (var round = 0; round < 3; round++)
        {
            var turns = await Task.WhenAll(
                chat.EditAndWaitAsync(first.ConversationId, first.Started.UserMessage.Id, $"Create a task to do chore {round}-a"),
                chat.EditAndWaitAsync(first.ConversationId, first.Started.UserMessage.Id, $"Create a task to do chore {round}-b"),
                chat.RegenerateAndWaitAsync(first.ConversationId, first.Started.AssistantMessageId),
                chat.SendAndWaitAsync($"Create a task to do chore {round}-c", first.ConversationId));

            var winner = Assert.Single(turns, t => t.Error is null);
            Assert.All(turns.Where(t => t.Error is not null), t => Assert.Equal(ChatErrorCodes.TurnInProgress, t.Error!.Code));
            inserted += winner.Started.UserMessage.Id == first.Started.UserMessage.Id ? 1 : 2;
        }

        await using var scope = slowApp.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var numbers = await db.Messages.Where(m => m.ConversationId == first.ConversationId).Select(m => m.SequenceNumber).ToListAsync();
        Assert.Equal(Enumerable.Range(1, inserted), numbers.Order());
    }

    [Fact]
    public async Task BadEditsAndRegenerationsGetAClearErrorAndChangeNothing()
    {
        var user = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        await using var strangerChat = await ChatConnection.ConnectAsync(app.ServerAddress, stranger);
        var first = await chat.SendAndWaitAsync("Create a task to water plants");
        var (conversation, question, answer) = (first.ConversationId, first.Started.UserMessage.Id, first.Started.AssistantMessageId);

        var refusals = await Task.WhenAll(
            chat.EditAndWaitAsync(conversation, Guid.NewGuid(), "Hello"),
            chat.EditAndWaitAsync(conversation, answer, "Editing a reply"),
            chat.RegenerateAndWaitAsync(conversation, question),
            chat.RegenerateAndWaitAsync(conversation, Guid.NewGuid()),
            chat.EditAndWaitAsync(conversation, question, "   "),
            chat.EditAndWaitAsync(conversation, question, new string('a', 8001)),
            strangerChat.EditAndWaitAsync(conversation, question, "Mine now"),
            strangerChat.RegenerateAndWaitAsync(conversation, answer));

        Assert.Equal(
            [ChatErrorCodes.MessageNotFound, ChatErrorCodes.MessageNotFound, ChatErrorCodes.MessageNotFound, ChatErrorCodes.MessageNotFound,
             ChatErrorCodes.InvalidRequest, ChatErrorCodes.MessageTooLong, ChatErrorCodes.ConversationNotFound, ChatErrorCodes.ConversationNotFound],
            refusals.Select(t => t.Error?.Code));
        Assert.All(refusals, t => Assert.DoesNotContain(t.Events, e => e is TurnStartedEvent));
        Assert.Equal(2, await CountMessagesAsync(conversation));
    }

    [Fact]
    public async Task ADeletionProposedOnTheBranchBeingLeftIsNeverCarriedOutAndOneOnTheNewBranchWaitsForYes()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var first = await chat.SendAndWaitAsync("Create a task to buy milk");
        var proposal = await chat.SendAndWaitAsync("Delete task 1", first.ConversationId);
        Assert.Equal(ToolCallStatus.NeedsConfirmation, Assert.Single(proposal.ToolResults).Status);

        await chat.EditAndWaitAsync(first.ConversationId, proposal.Started.UserMessage.Id, "Show me my tasks");
        await chat.SendAndWaitAsync("yes", first.ConversationId);
        Assert.Equal(1, (await http.TasksAsync()).GetArrayLength());

        var old = (await http.SwitchBranchAsync(first.ConversationId, proposal.Started.AssistantMessageId)).Messages;
        Assert.Equal(ToolCallStatus.Declined, old[^1].ToolCalls.Single().Status);

        var again = await chat.EditAndWaitAsync(first.ConversationId, proposal.Started.UserMessage.Id, "Delete task 1");
        Assert.Equal(ToolCallStatus.NeedsConfirmation, Assert.Single(again.ToolResults).Status);
        Assert.Equal(1, (await http.TasksAsync()).GetArrayLength());
        var confirmed = await chat.SendAndWaitAsync("yes", first.ConversationId);
        Assert.Equal(ToolCallStatus.Succeeded, Assert.Single(confirmed.ToolResults).Status);
        Assert.Equal(0, (await http.TasksAsync()).GetArrayLength());
    }

    [Fact]
    public async Task AnInterruptedReplyCanBeRegeneratedAndKeepsItsText()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var first = await chat.SendAndWaitAsync("Show me my tasks");

        // What a restart leaves of a reply that was being written.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
            await db.Messages.Where(m => m.Id == first.Started.AssistantMessageId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Interrupted).SetProperty(m => m.Content, "Half a"));
        }

        var again = await chat.RegenerateAndWaitAsync(first.ConversationId, first.Started.AssistantMessageId);

        Assert.Equal(MessageStatus.Completed, again.Completed.Status);
        Assert.NotEmpty(again.Tokens);
        var listed = (await http.MessagesAsync(first.ConversationId)).Messages;
        Assert.Equal((again.Started.AssistantMessageId, 2, 2), (listed[1].Id, listed[1].SiblingIndex, listed[1].SiblingCount));
        Assert.Equal([first.Started.AssistantMessageId, again.Started.AssistantMessageId], listed[1].SiblingIds);
        var old = (await http.SwitchBranchAsync(first.ConversationId, first.Started.AssistantMessageId)).Messages;
        Assert.Equal((MessageStatus.Interrupted, "Half a"), (old[1].Status, old[1].Content));
    }

    [Fact]
    public async Task TheRestTwinsEditAndRegenerateAndSwitchingIsOwnerOnly()
    {
        var user = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        using var strangerHttp = app.CreateClient(stranger);
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var first = await chat.SendAndWaitAsync("Create a task to buy milk");
        var (conversation, question, answer) = (first.ConversationId, first.Started.UserMessage.Id, first.Started.AssistantMessageId);

        using var edited = await http.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages/{question}/edit", new { text = "Create a task to buy eggs" });
        var editReply = await edited.Content.ReadFromJsonAsync<ChatResponse>(JsonDefaults.Wire);
        using var regenerated = await http.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages/{editReply!.MessageId}/regenerate", new { });
        using var theirs = await strangerHttp.PutAsJsonAsync($"/api/v1/conversations/{conversation}/branch", new { message_id = answer });
        using var elsewhere = await http.PutAsJsonAsync($"/api/v1/conversations/{conversation}/branch", new { message_id = Guid.NewGuid() });
        using var missing = await http.PutAsJsonAsync($"/api/v1/conversations/{conversation}/branch", new { });
        using var theirEdit = await strangerHttp.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages/{question}/edit", new { text = "Mine" });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Contains("Buy eggs", editReply.Response);
        Assert.Equal(HttpStatusCode.OK, regenerated.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            (theirs.StatusCode, elsewhere.StatusCode, missing.StatusCode, theirEdit.StatusCode));
        var listed = (await http.MessagesAsync(conversation)).Messages;
        Assert.Equal(["Create a task to buy eggs"], listed.Where(m => m.Role == MessageRole.User).Select(m => m.Content));
        Assert.Equal((2, 2), (listed[1].SiblingIndex, listed[1].SiblingCount));
        Assert.Equal(5, await CountMessagesAsync(conversation));
    }

    private async Task<int> CountMessagesAsync(Guid conversationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        return await db.Messages.CountAsync(m => m.ConversationId == conversationId);
    }
}
