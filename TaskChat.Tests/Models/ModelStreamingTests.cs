using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Tests.Models;

/// <summary>
/// The OpenAI provider through the real SDK, over HTTP, to the scripted server, driven through the
/// real hub: what the user sees stream, what is stored, and what the model was sent.
/// </summary>
public sealed class ModelStreamingTests
{
    [Fact]
    public async Task PlainTextStreamsAsSeveralTokensAndIsStoredWithMetadata()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        world.Model.Enqueue(ScriptedReply.Text("Hello", " there,", " how can", " I help?"));

        var turn = await world.Chat.SendAndWaitAsync("Hi");

        TaskFlowTests.AssertStreamedReply(turn);
        Assert.True(turn.Tokens.Count >= 2, $"Expected the paced pieces as several token events, got {turn.Tokens.Count}.");
        Assert.Equal("Hello there, how can I help?", turn.Completed.Content);

        var stored = (await world.Http.MessagesAsync(turn.ConversationId)).Messages[^1];
        Assert.Equal(MessageStatus.Completed, stored.Status);
        Assert.Equal("Hello there, how can I help?", stored.Content);
        var metadata = stored.Metadata!.Value;
        Assert.Equal("openai", metadata.GetProperty("provider").GetString());
        Assert.Equal(ScriptedReply.Model, metadata.GetProperty("model").GetString());
        Assert.True(metadata.GetProperty("time_to_first_token_ms").GetInt64() >= 0);
        Assert.True(metadata.GetProperty("execution_time_ms").GetInt64() >= metadata.GetProperty("time_to_first_token_ms").GetInt64());
        var usage = metadata.GetProperty("usage");
        Assert.Equal(ScriptedReply.PromptTokens, usage.GetProperty("input_token_count").GetInt64());
        Assert.Equal(4, usage.GetProperty("output_token_count").GetInt64());
        Assert.Equal(ScriptedReply.PromptTokens + 4, usage.GetProperty("total_token_count").GetInt64());

        // What the SDK sent: the configured model, streaming with usage, the tools, the prompt (with today's date) and the message.
        var request = Assert.Single(world.Model.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {ModelHarness.ApiKey}", request.Authorization);
        Assert.Equal(ModelHarness.ConfiguredModel, request.Model);
        Assert.True(request.Streams);
        Assert.True(request.AsksForUsage);
        Assert.Equal(
            ["add_task", "list_tasks", "find_tasks", "update_task", "complete_tasks", "delete_tasks", "complete_task", "delete_task", "undo_last_change"],
            request.ToolNames);
        Assert.Equal(["system", "user"], request.Roles);
        Assert.Contains("delete_tasks", RecordedRequest.TextOf(request.Messages[0]));
        Assert.Contains($"Today is {DateTime.UtcNow.DayOfWeek} {DateTime.UtcNow:yyyy-MM-dd} in the user's time zone (UTC).", RecordedRequest.TextOf(request.Messages[0]));
        Assert.Equal("Hi", RecordedRequest.TextOf(request.Messages[1]));
    }

    [Fact]
    public async Task AToolCallWithArgumentsSplitAcrossChunksAddsTheTaskAndTheFollowUpStreams()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        world.Model.Enqueue(
            ScriptedReply.ToolCalls(new ScriptedCall("call_add_1", "add_task", "{\"ti", "tle\": \"Buy", " groce", "ries\"", "}")),
            ScriptedReply.Text("Added task 1,", " Buy groceries."));

        var turn = await world.Chat.SendAndWaitAsync("Create a task to buy groceries");

        TaskFlowTests.AssertStreamedReply(turn);
        var started = Assert.Single(turn.ToolStarts);
        Assert.Equal("add_task", started.Name);
        Assert.Equal("Buy groceries", started.Arguments.GetProperty("title").GetString());
        var completed = Assert.Single(turn.ToolResults);
        Assert.Equal(ToolCallStatus.Succeeded, completed.Status);
        Assert.Equal("Added task 1, Buy groceries.", turn.Completed.Content);

        // The tool really ran for this user.
        var task = Assert.Single((await world.Http.TasksAsync()).EnumerateArray());
        Assert.Equal("Buy groceries", task.GetProperty("title").GetString());
        Assert.Equal(1, task.GetProperty("number").GetInt32());

        // The follow-up request carried the call and its result, linked by the model's call id.
        var followUp = await world.Model.WaitForRequestAsync(2);
        Assert.Equal(["system", "user", "assistant", "tool"], followUp.Roles);
        var call = followUp.Messages[2].GetProperty("tool_calls")[0];
        Assert.Equal("call_add_1", call.GetProperty("id").GetString());
        Assert.Equal("add_task", call.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("call_add_1", followUp.Messages[3].GetProperty("tool_call_id").GetString());
        Assert.Contains("Added task 1", RecordedRequest.TextOf(followUp.Messages[3]));

        // Stored: the reply, its tool call with arguments and result, and usage summed over both requests.
        var stored = (await world.Http.MessagesAsync(turn.ConversationId)).Messages[^1];
        Assert.Equal("Added task 1, Buy groceries.", stored.Content);
        var row = Assert.Single(stored.ToolCalls);
        Assert.Equal(("add_task", ToolCallStatus.Succeeded), (row.Name, row.Status));
        Assert.Equal("Buy groceries", row.Arguments.GetProperty("title").GetString());
        Assert.Equal("succeeded", row.Result!.Value.GetProperty("status").GetString());
        var usage = stored.Metadata!.Value.GetProperty("usage");
        Assert.Equal(2 * ScriptedReply.PromptTokens, usage.GetProperty("input_token_count").GetInt64());
        Assert.Equal("add_task", stored.Metadata!.Value.GetProperty("tool_called").GetString());
    }

    [Fact]
    public async Task TheRestChatEndpointAnswersWithTheSeedsMetadataForAModelTurn()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        world.Model.Enqueue(
            ScriptedReply.ToolCalls(new ScriptedCall("call_rest", "add_task", "{\"title\": \"Buy", " groceries\"}")),
            ScriptedReply.Text("Added task 1:", " Buy groceries."));

        using var response = await world.Http.PostAsJsonAsync("/api/v1/chat", new { message = "Create a task to buy groceries" });

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Added task 1: Buy groceries.", json.GetProperty("response").GetString());
        var metadata = json.GetProperty("metadata");
        Assert.Equal("add_task", metadata.GetProperty("intent").GetString());
        Assert.Equal("add_task", metadata.GetProperty("tool_called").GetString());
        Assert.True(metadata.GetProperty("execution_time_ms").GetInt64() >= 0);
        Assert.Equal("Buy groceries", Assert.Single((await world.Http.TasksAsync()).EnumerateArray()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task TwoToolCallsInOneResponseBothRunInOrder()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        world.Model.Enqueue(
            ScriptedReply.ToolCalls("On it. ",
                new ScriptedCall("call_a", "add_task", "{\"title\":", " \"Pay rent\"}"),
                new ScriptedCall("call_b", "add_task", "{\"title\": \"Call", " mom\"}")),
            ScriptedReply.Text("Added both:", " Pay rent and Call mom."));

        var turn = await world.Chat.SendAndWaitAsync("Add pay rent and call mom");

        TaskFlowTests.AssertStreamedReply(turn);
        Assert.Equal(["add_task", "add_task"], turn.ToolStarts.Select(s => s.Name));
        Assert.All(turn.ToolResults, r => Assert.Equal(ToolCallStatus.Succeeded, r.Status));
        Assert.Equal("On it. Added both: Pay rent and Call mom.", turn.Completed.Content);
        var titles = (await world.Http.TasksAsync()).EnumerateArray().Select(t => (t.GetProperty("number").GetInt32(), t.GetProperty("title").GetString()));
        Assert.Equal([(1, "Pay rent"), (2, "Call mom")], titles);

        var followUp = await world.Model.WaitForRequestAsync(2);
        Assert.Equal(["system", "user", "assistant", "tool", "tool"], followUp.Roles);
        Assert.Equal(["call_a", "call_b"], followUp.Messages.Skip(3).Select(m => m.GetProperty("tool_call_id").GetString()));

        var stored = (await world.Http.MessagesAsync(turn.ConversationId)).Messages[^1];
        Assert.Equal(2, stored.ToolCalls.Count);
    }

    [Fact]
    public async Task ADeletionProposedWithTheNumberAsAStringIsCarriedOutOnYes()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        await world.Http.CreateTaskAsync("Water the plants");
        // The model writes before the proposal, not after: the server's question ends the reply.
        world.Model.Enqueue(
            ScriptedReply.ToolCalls("I can delete it once you confirm.", new ScriptedCall("call_d", "delete_task", "{\"number\": \"1\"}")),
            ScriptedReply.Text(),
            ScriptedReply.Text("Deleted."));

        var proposed = await world.Chat.SendAndWaitAsync("Delete task 1");
        Assert.Equal(ToolCallStatus.NeedsConfirmation, Assert.Single(proposed.ToolResults).Status);

        var confirmed = await world.Chat.SendAndWaitAsync("yes", proposed.ConversationId);

        Assert.Null(confirmed.Error);
        Assert.Equal(ToolCallStatus.Succeeded, Assert.Single(confirmed.ToolResults).Status);
        Assert.Empty((await world.Http.TasksAsync()).EnumerateArray());
        var history = (await world.Http.MessagesAsync(proposed.ConversationId)).Messages;
        Assert.Equal(ToolCallStatus.Confirmed, history[1].ToolCalls.Single().Status);
    }

    [Fact]
    public async Task TheNextTurnSendsEarlierToolCallsAndResultsFromTheDatabase()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        world.Model.Enqueue(
            ScriptedReply.ToolCalls(new ScriptedCall("call_1", "add_task", "{\"title\": \"Water plants\"}")),
            ScriptedReply.Text("Added", " task 1."),
            ScriptedReply.Text("You", " have one task."));

        var first = await world.Chat.SendAndWaitAsync("Add water plants");
        var second = await world.Chat.SendAndWaitAsync("What do I have?", first.ConversationId);

        TaskFlowTests.AssertStreamedReply(second);
        var request = await world.Model.WaitForRequestAsync(3);
        Assert.Equal(["system", "user", "assistant", "tool", "assistant", "user"], request.Roles);
        Assert.Equal("call_1", request.Messages[2].GetProperty("tool_calls")[0].GetProperty("id").GetString());
        Assert.Equal("call_1", request.Messages[3].GetProperty("tool_call_id").GetString());
        Assert.Equal("Added task 1.", RecordedRequest.TextOf(request.Messages[4]));
        Assert.Equal("What do I have?", RecordedRequest.TextOf(request.Messages[5]));
    }

    [Fact]
    public async Task AMalformedChunkFailsTheReplyKeepingItsTextAndTheNextTurnWorks()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        world.Model.Enqueue(ScriptedReply.MalformedAfter("Here", " is"), ScriptedReply.Text("Fine", " now."));

        var broken = await world.Chat.SendAndWaitAsync("Hi");

        Assert.Equal(MessageStatus.Failed, broken.Completed.Status);
        Assert.Equal("Here is", broken.Completed.Content);
        Assert.Equal(ChatErrorCodes.ModelFailed, broken.Error?.Code);
        Assert.Equal("The assistant sent a reply TaskChat could not read. What it wrote so far is kept; try again.", broken.Error?.Message);
        var stored = (await world.Http.MessagesAsync(broken.ConversationId)).Messages[^1];
        Assert.Equal((MessageStatus.Failed, "Here is"), (stored.Status, stored.Content));

        var next = await world.Chat.SendAndWaitAsync("Again", broken.ConversationId);
        TaskFlowTests.AssertStreamedReply(next);
        Assert.Equal("Fine now.", next.Completed.Content);
    }
}
