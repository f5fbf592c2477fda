using Bunit;
using TaskChat.Web.Chat.Components;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;
using static TaskChat.Tests.Components.ComponentTestData;

namespace TaskChat.Tests.Tasks;

/// <summary>The chat's cards for the task tools that came with due dates and lists: in words, and one confirmation for several deletions.</summary>
public sealed class TaskToolCardTests : IDisposable
{
    private readonly BunitContext context = NewContext();

    [Theory]
    [InlineData("find_tasks", """{"query":"dentist"}""", "Find tasks matching “dentist”", "⌕")]
    [InlineData("complete_tasks", """{"numbers":[2,4]}""", "Complete tasks 2 and 4", "✓")]
    [InlineData("complete_tasks", """{"numbers":["7"]}""", "Complete task 7", "✓")]
    [InlineData("delete_tasks", """{"numbers":[1,2,3]}""", "Delete tasks 1, 2 and 3", "✕")]
    [InlineData("list_tasks", """{"status":"open","due":"today"}""", "List open tasks due today", "≡")]
    [InlineData("list_tasks", """{"list":"Shopping"}""", "List tasks on “Shopping”", "≡")]
    [InlineData("list_tasks", """{"status":"done"}""", "List completed tasks", "≡")]
    public void TheNewToolsAreDescribedInWords(string name, string arguments, string words, string icon)
    {
        var card = Render(Call(name, arguments, ToolCallStatus.Running));

        Assert.Equal(words, card.Find(".tool-words").TextContent);
        Assert.Equal(icon, card.Find(".tool-icon").TextContent);
    }

    [Fact]
    public void ADeletionOfSeveralTasksNamesThemAllAndAsksOnce()
    {
        var card = Render(Call("delete_tasks", """{"numbers":[2,4]}""", ToolCallStatus.NeedsConfirmation,
            """{"status":"needs_confirmation","message":"for the model","tasks":[{"number":2,"title":"Two"},{"number":4,"title":"Four"}]}"""));

        Assert.Contains("“Two” and “Four” will be deleted once you confirm", card.Find(".tool-result").TextContent);
        Assert.Equal(["Confirm", "Cancel"], card.FindAll(".tool-confirm button").Select(b => b.TextContent));
    }

    private IRenderedComponent<ToolCallCard> Render(ToolCallDto call) =>
        context.Render<ToolCallCard>(parameters => parameters
            .Add(c => c.Call, call)
            .Add(c => c.ConversationId, Guid.NewGuid())
            .Add(c => c.Answerable, true));

    public void Dispose() => context.Dispose();
}
