using Bunit;
using TaskChat.Web.Chat.Components;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;
using static TaskChat.Tests.Components.ComponentTestData;

namespace TaskChat.Tests.Components;

/// <summary>A tool call card: the call in words, how it went, and the deletion buttons only while they mean something.</summary>
public sealed class ToolCallCardTests : IDisposable
{
    private static readonly Guid ConversationId = Guid.NewGuid();
    private readonly BunitContext context = NewContext();

    [Theory]
    [InlineData("add_task", """{"title":"Buy groceries"}""", "Add task “Buy groceries”")]
    [InlineData("complete_task", """{"number":1}""", "Complete task 1")]
    [InlineData("complete_task", """{"number":4,"completed":false}""", "Reopen task 4")]
    [InlineData("update_task", """{"number":2,"title":"Call dad"}""", "Rename task 2 to “Call dad”")]
    [InlineData("list_tasks", """{"status":"open"}""", "List open tasks")]
    [InlineData("list_tasks", "{}", "List tasks")]
    [InlineData("delete_task", """{"number":3}""", "Delete task 3")]
    public void TheCallIsDescribedInWordsNotByItsToolName(string name, string arguments, string words)
    {
        var card = Render(Call(name, arguments, ToolCallStatus.Running), answerable: true);

        Assert.Equal(words, card.Find(".tool-words").TextContent);
        Assert.DoesNotContain(name, card.Find(".tool-card").TextContent);
        Assert.Equal("Running…", card.Find(".tool-status").TextContent);
        Assert.Empty(card.FindAll(".tool-result"));
    }

    [Theory]
    [InlineData(ToolCallStatus.Succeeded, "succeeded", "Done")]
    [InlineData(ToolCallStatus.Failed, "failed", "Failed")]
    [InlineData(ToolCallStatus.Confirmed, "confirmed", "Confirmed")]
    public void AFinishedCallShowsItsStatusAndResultMessage(ToolCallStatus status, string wire, string label)
    {
        var card = Render(Call("delete_task", """{"number":3}""", status, """{"status":"succeeded","message":"Deleted task 3, “Old”."}"""), answerable: true);

        Assert.Equal(wire, card.Find(".tool-card").GetAttribute("data-status"));
        Assert.Equal(label, card.Find(".tool-status").TextContent);
        Assert.Equal("Deleted task 3, “Old”.", card.Find(".tool-result").TextContent);
        Assert.Empty(card.FindAll("button"));
    }

    /// <summary>A proposal that was answered or replaced says how it ended, not the sentence written for the model.</summary>
    [Theory]
    [InlineData(ToolCallStatus.Declined, "declined", "Cancelled", "Kept “Old”")]
    [InlineData(ToolCallStatus.Confirmed, "confirmed", "Confirmed", "Deleted “Old”")]
    [InlineData(ToolCallStatus.Superseded, "superseded", "Replaced by a newer deletion", "Not deleted: a newer deletion replaced this one.")]
    public void AnAnsweredProposalSaysHowItEnded(ToolCallStatus status, string wire, string label, string summary)
    {
        var proposal = """{"status":"needs_confirmation","message":"Task 3, “Old”, has not been deleted yet: the user must confirm.","task":{"number":3,"title":"Old"}}""";
        var card = Render(Call("delete_task", """{"number":3}""", status, proposal), answerable: true);

        Assert.Equal(wire, card.Find(".tool-card").GetAttribute("data-status"));
        Assert.Equal(label, card.Find(".tool-status").TextContent);
        Assert.Equal(summary, card.Find(".tool-result").TextContent);
        Assert.Empty(card.FindAll("button"));
    }

    [Fact]
    public void AFailureWrittenForTheModelIsReworded()
    {
        var card = Render(Call("complete_task", """{"number":9}""", ToolCallStatus.Failed,
            """{"status":"failed","message":"There is no task 9. Use list_tasks to see the numbers."}"""), answerable: true);

        Assert.Equal("There is no task 9. Ask “show me my tasks” to see the numbers.", card.Find(".tool-result").TextContent);
    }

    [Fact]
    public void APendingDeletionOffersConfirmAndCancel()
    {
        var call = Call("delete_task", """{"number":3}""", ToolCallStatus.NeedsConfirmation,
            """{"status":"needs_confirmation","message":"for the model","task":{"number":3,"title":"Water the plants"}}""");
        var card = Render(call, answerable: true);

        Assert.Equal("Needs your confirmation", card.Find(".tool-status").TextContent);
        Assert.Contains("“Water the plants” will be deleted once you confirm", card.Find(".tool-result").TextContent);
        var buttons = card.FindAll(".tool-confirm button");
        Assert.Equal(["Confirm", "Cancel"], buttons.Select(b => b.TextContent));
        Assert.Equal(["true", "false"], buttons.Select(b => b.GetAttribute("data-approve")));

        // Without JavaScript they post the answer to the page.
        Assert.All(buttons, b => Assert.Equal("confirm-form", b.GetAttribute("form")));
        Assert.Equal($"/chat/{ConversationId}?handler=Confirm&toolCallId={call.Id}&approve=true", buttons[0].GetAttribute("formaction"));
    }

    [Fact]
    public void APendingDeletionInAnOlderReplyHasNoButtons()
    {
        var card = Render(Call("delete_task", """{"number":3}""", ToolCallStatus.NeedsConfirmation), answerable: false);

        Assert.Equal("needs_confirmation", card.Find(".tool-card").GetAttribute("data-status"));
        Assert.Empty(card.FindAll("button"));
    }

    [Fact]
    public void ArgumentsFromTheModelAreText()
    {
        var card = Render(Call("add_task", """{"title":"<img src=x onerror=alert(1)>"}""", ToolCallStatus.Running), answerable: true);

        Assert.Equal("Add task “<img src=x onerror=alert(1)>”", card.Find(".tool-words").TextContent);
        Assert.Empty(card.FindAll("img"));
    }

    private IRenderedComponent<ToolCallCard> Render(ToolCallDto call, bool answerable) =>
        context.Render<ToolCallCard>(p => p
            .Add(x => x.Call, call)
            .Add(x => x.ConversationId, ConversationId)
            .Add(x => x.Answerable, answerable));

    public void Dispose() => context.Dispose();
}
