using Microsoft.Extensions.AI;
using TaskChat.Tests.Chat;
using TaskChat.Web.Assistant;

namespace TaskChat.Tests.Models;

/// <summary>What of a long conversation the model is sent: the newest whole turns that fit the budget.</summary>
public sealed class ContextBudgetTests
{
    [Fact]
    public void KeepsTheSystemPromptTheCurrentTurnAndTheNewestTurnsThatFit()
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, "prompt"),
            new(ChatRole.User, new string('a', 500)),
            new(ChatRole.Assistant, "first reply"),
            new(ChatRole.User, new string('b', 500)),
            new(ChatRole.Assistant, "second reply"),
            new(ChatRole.User, "now"),
        };

        var trimmed = ContextBudget.Trim(messages, budgetChars: 600);

        Assert.Equal(["prompt", new string('b', 500), "second reply", "now"], trimmed.Select(m => m.Text));
    }

    [Fact]
    public void NeverSeparatesAToolCallFromItsResult()
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, "prompt"),
            new(ChatRole.User, "add milk"),
            new(ChatRole.Assistant, [new FunctionCallContent("c1", "add_task", new Dictionary<string, object?> { ["title"] = "Milk" })]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", new string('r', 2000))]),
            new(ChatRole.Assistant, "Added milk."),
            new(ChatRole.User, "thanks"),
        };

        // The older turn (with its long tool result) does not fit: it goes as a whole.
        Assert.Equal([ChatRole.System, ChatRole.User], ContextBudget.Trim(messages, budgetChars: 1000).Select(m => m.Role));

        // When it fits, it comes whole: call, result and reply.
        Assert.Equal(messages, ContextBudget.Trim(messages, budgetChars: 5000));
    }

    [Fact]
    public void TheCurrentTurnIsSentWhateverItsSize()
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, "prompt"),
            new(ChatRole.User, new string('x', 10_000)),
            new(ChatRole.Assistant, [new FunctionCallContent("c1", "list_tasks")]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", new string('r', 10_000))]),
        };

        Assert.Equal(messages, ContextBudget.Trim(messages, budgetChars: 1000));
    }

    [Fact]
    public async Task ALongConversationSendsOnlyItsNewestTurnsToTheModel()
    {
        await using var world = await ModelHarness.StartOpenAIAsync(("Assistant:HistoryBudgetChars", "1000"));
        world.Model.Enqueue(ScriptedReply.Text("One", "."), ScriptedReply.Text("Two", "."), ScriptedReply.Text("Three", "."));
        var first = await world.Chat.SendAndWaitAsync("First " + new string('a', 600));
        await world.Chat.SendAndWaitAsync("Second " + new string('b', 600), first.ConversationId);

        var third = await world.Chat.SendAndWaitAsync("Third", first.ConversationId);

        TaskFlowTests.AssertStreamedReply(third);
        var request = await world.Model.WaitForRequestAsync(3);
        Assert.Equal(["system", "user", "assistant", "user"], request.Roles);
        Assert.StartsWith("Second ", RecordedRequest.TextOf(request.Messages[1]));
        Assert.Equal("Two.", RecordedRequest.TextOf(request.Messages[2]));
        Assert.Equal("Third", RecordedRequest.TextOf(request.Messages[3]));
    }
}
