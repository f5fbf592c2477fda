using System.Text.Json;
using TaskChat.Web.Chat.Components;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Tests.Assistant;

/// <summary>One confirmation card for a set of deletions names every task it will delete.</summary>
public sealed class DeletionCardTextTests
{
    [Fact]
    public void ACardForSeveralDeletionsNamesEachTask()
    {
        var arguments = JsonDocument.Parse("""{"numbers": [2, 4]}""").RootElement;
        var result = JsonDocument.Parse("""
            {"status": "needs_confirmation", "message": "...", "tasks": [{"number": 2, "title": "Milk"}, {"number": 4, "title": "Call mom and dad"}]}
            """).RootElement;

        Assert.Equal("Delete tasks 2 and 4", ToolCallText.Describe("delete_tasks", arguments));
        Assert.Equal("“Milk” and “Call mom and dad” will be deleted once you confirm. You can also reply “yes” or “no”.",
            ToolCallText.Summary(ToolCallStatus.NeedsConfirmation, result));
    }

    [Theory]
    [InlineData("complete_tasks", """{"numbers": [1, 3, 5]}""", "Complete tasks 1, 3 and 5")]
    [InlineData("complete_tasks", """{"numbers": [2]}""", "Complete task 2")]
    [InlineData("find_tasks", """{"query": "report"}""", "Find tasks matching “report”")]
    [InlineData("undo_last_change", "{}", "Undo the last change")]
    public void TheNewToolsHaveReadableCards(string name, string arguments, string expected) =>
        Assert.Equal(expected, ToolCallText.Describe(name, JsonDocument.Parse(arguments).RootElement));
}
