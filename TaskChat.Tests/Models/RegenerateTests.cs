using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Tests.Models;

/// <summary>
/// Regenerating through the real OpenAI SDK against the scripted model server: after Stop,
/// after a failure, and on a reply that called a tool, which the new turn never replays.
/// </summary>
public sealed class RegenerateTests
{
    [Fact]
    public async Task RegeneratingAStoppedReplyStreamsANewSiblingAndTheStoppedOneKeepsItsText()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        world.Model.Enqueue(ScriptedReply.HoldAfter("Once", " upon", " a time"));
        var stopped = await ReadUntilStoppedAsync(world, world.Chat.Send("Tell me a story"), "Once upon a time");
        Assert.Equal((MessageStatus.Cancelled, "Once upon a time"), (stopped.Completed.Status, stopped.Completed.Content));

        world.Model.Enqueue(ScriptedReply.Text("A", " different", " story."));
        var again = await world.Chat.RegenerateAndWaitAsync(stopped.ConversationId, stopped.Started.AssistantMessageId);

        Assert.Null(again.Error);
        Assert.Equal("A different story.", again.StreamedText);
        Assert.Equal((MessageStatus.Completed, "A different story."), (again.Completed.Status, again.Completed.Content));
        Assert.Equal(stopped.Started.UserMessage.Id, again.Started.UserMessage.Id);
        Assert.NotEqual(stopped.Started.AssistantMessageId, again.Started.AssistantMessageId);
        Turn.AssertContiguous(again.Events);

        // The model saw the question, not the stopped answer.
        var request = await world.Model.WaitForRequestAsync(2);
        Assert.Equal(["system", "user"], request.Roles);
        Assert.DoesNotContain(request.Messages, m => RecordedRequest.TextOf(m).Contains("Once upon"));

        var listed = (await world.Http.MessagesAsync(stopped.ConversationId)).Messages;
        Assert.Equal(2, listed.Count);
        Assert.Equal((again.Started.AssistantMessageId, 2, 2), (listed[1].Id, listed[1].SiblingIndex, listed[1].SiblingCount));
        Assert.Equal(stopped.Started.UserMessage.Id, listed[1].ParentId);

        var old = (await world.Http.SwitchBranchAsync(stopped.ConversationId, stopped.Started.AssistantMessageId)).Messages;
        Assert.Equal((MessageStatus.Cancelled, "Once upon a time", 1, 2), (old[1].Status, old[1].Content, old[1].SiblingIndex, old[1].SiblingCount));
    }

    [Fact]
    public async Task RegeneratingAFailedReplyStreamsANewSibling()
    {
        await using var world = await ModelHarness.StartOpenAIAsync(("Assistant:MaxRetries", "0"));
        world.Model.Enqueue(ScriptedReply.Status(500));
        var failed = await world.Chat.SendAndWaitAsync("Hi there");
        Assert.Equal(MessageStatus.Failed, failed.Completed.Status);

        world.Model.Enqueue(ScriptedReply.Text("Hello", " again."));
        var again = await world.Chat.RegenerateAndWaitAsync(failed.ConversationId, failed.Started.AssistantMessageId);

        Assert.Equal((MessageStatus.Completed, "Hello again."), (again.Completed.Status, again.StreamedText));
        var listed = (await world.Http.MessagesAsync(failed.ConversationId)).Messages;
        Assert.Equal(["Hi there", "Hello again."], listed.Select(m => m.Content));
        Assert.Equal((2, 2), (listed[1].SiblingIndex, listed[1].SiblingCount));
        var old = (await world.Http.SwitchBranchAsync(failed.ConversationId, failed.Started.AssistantMessageId)).Messages;
        Assert.Equal(MessageStatus.Failed, old[1].Status);
    }

    [Fact]
    public async Task ARegeneratedReplyDecidesAfreshAndNeverReplaysTheOldBranchsToolCall()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        world.Model.Enqueue(
            ScriptedReply.ToolCalls(new ScriptedCall("call_old_1", "add_task", """{"title":"Buy milk"}""")),
            ScriptedReply.Text("Added ", "milk."));
        var first = await world.Chat.SendAndWaitAsync("Add milk to my list");
        Assert.Equal(ToolCallStatus.Succeeded, Assert.Single(first.ToolResults).Status);

        world.Model.Enqueue(ScriptedReply.Text("Milk is on your list."));
        var again = await world.Chat.RegenerateAndWaitAsync(first.ConversationId, first.Started.AssistantMessageId);

        Assert.Equal("Milk is on your list.", again.StreamedText);
        Assert.Empty(again.ToolStarts);
        var request = await world.Model.WaitForRequestAsync(3);
        Assert.Equal(["system", "user"], request.Roles);
        Assert.DoesNotContain("call_old_1", request.Body.GetRawText());

        // The old branch's task is a fact: it stays, once.
        var tasks = (await world.Http.TasksAsync()).EnumerateArray().Select(t => t.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Buy milk"], tasks);
        Assert.Empty((await world.Http.MessagesAsync(first.ConversationId)).Messages[1].ToolCalls);
    }

    private static async Task<Turn> ReadUntilStoppedAsync(ModelHarness world, IAsyncEnumerable<ChatEvent> stream, string streamed)
    {
        using var timeout = new CancellationTokenSource(TestSettings.Timeout);
        var events = new List<ChatEvent>();
        await foreach (var chatEvent in stream.WithCancellation(timeout.Token))
        {
            events.Add(chatEvent);
            if (chatEvent is TokenEvent && events.StreamedText() == streamed)
            {
                await world.Chat.StopAsync(chatEvent.ConversationId);
            }
        }

        return new Turn(events);
    }
}
