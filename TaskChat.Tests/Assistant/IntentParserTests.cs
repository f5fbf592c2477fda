using System.Globalization;
using TaskChat.Web.Assistant;
using TaskChat.Web.Assistant.Offline;

namespace TaskChat.Tests.Assistant;

public sealed class IntentParserTests
{
    /// <summary>What people type, as typed; the expected arguments as "key=value;key=value" (sorted by key).</summary>
    [Theory]
    // Create
    [InlineData("Create a task to buy groceries", "add_task", "title=Buy groceries")]
    [InlineData("add milk to my list", "add_task", "title=Milk")]
    [InlineData("Remind me to call mom", "add_task", "title=Call mom")]
    [InlineData("new task: pay rent", "add_task", "title=Pay rent")]
    [InlineData("I need to renew my passport.", "add_task", "title=Renew my passport")]
    [InlineData("Please add a task called \"Water the plants\"", "add_task", "title=Water the plants")]
    [InlineData("can you create a new task for cleaning the garage?", "add_task", "title=Cleaning the garage")]
    [InlineData("Could you please put eggs on my shopping list", "add_task", "title=Eggs")]
    [InlineData("add a reminder to book the dentist, please", "add_task", "title=Book the dentist")]
    [InlineData("Don't let me forget to feed the cat", "add_task", "title=Feed the cat")]
    [InlineData("I have to finish the report by Friday", "add_task", "title=Finish the report by Friday")]
    [InlineData("add task buy bread with description: the sourdough one", "add_task", "description=the sourdough one;title=Buy bread")]
    [InlineData("Hey, add walk the dog", "add_task", "title=Walk the dog")]
    // List
    [InlineData("Show me my tasks", "list_tasks", "status=all")]
    [InlineData("what's left?", "list_tasks", "status=open")]
    [InlineData("What do I have to do", "list_tasks", "status=open")]
    [InlineData("list completed tasks", "list_tasks", "status=completed")]
    [InlineData("What have I done?", "list_tasks", "status=completed")]
    [InlineData("my tasks", "list_tasks", "status=all")]
    [InlineData("What are my open tasks?", "list_tasks", "status=open")]
    [InlineData("can you show me what I've finished", "list_tasks", "status=completed")]
    [InlineData("what's on my list", "list_tasks", "status=all")]
    [InlineData("What tasks do I have left?", "list_tasks", "status=open")]
    [InlineData("show my to-do list", "list_tasks", "status=all")]
    [InlineData("Anything left to do?", "list_tasks", "status=open")]
    [InlineData("how many tasks have I completed", "list_tasks", "status=completed")]
    [InlineData("I need to see my tasks", "list_tasks", "status=all")]
    // Complete
    [InlineData("Mark task 1 as complete", "complete_task", "completed=true;number=1")]
    [InlineData("I finished task 2", "complete_task", "completed=true;number=2")]
    [InlineData("done with 3", "complete_task", "completed=true;number=3")]
    [InlineData("check off task 4", "complete_task", "completed=true;number=4")]
    [InlineData("Please mark #5 done!", "complete_task", "completed=true;number=5")]
    [InlineData("task 6 is done", "complete_task", "completed=true;number=6")]
    [InlineData("I've completed task seven", "complete_task", "completed=true;number=7")]
    [InlineData("complete task 12", "complete_task", "completed=true;number=12")]
    // Reopen
    [InlineData("reopen task 1", "complete_task", "completed=false;number=1")]
    [InlineData("mark task 2 as not done", "complete_task", "completed=false;number=2")]
    [InlineData("Task 3 isn't finished yet", "complete_task", "completed=false;number=3")]
    [InlineData("uncheck task 4", "complete_task", "completed=false;number=4")]
    [InlineData("change task 5 to incomplete", "complete_task", "completed=false;number=5")]
    // Rename / update
    [InlineData("rename task 2 to call dad", "update_task", "number=2;title=Call dad")]
    [InlineData("Change task 1 to buy oat milk", "update_task", "number=1;title=Buy oat milk")]
    [InlineData("update the description of task 3 to bring the receipts", "update_task", "description=bring the receipts;number=3")]
    [InlineData("Could you change the title of task 4 to \"Pay the electricity bill\"?", "update_task", "number=4;title=Pay the electricity bill")]
    [InlineData("edit task 6's description to ask about the deposit", "update_task", "description=ask about the deposit;number=6")]
    [InlineData("add a note to task 2: use the blue form", "update_task", "description=use the blue form;number=2")]
    // Delete (proposed)
    [InlineData("delete task 3", "delete_task", "number=3")]
    [InlineData("Remove task 2", "delete_task", "number=2")]
    [InlineData("get rid of task 5 please", "delete_task", "number=5")]
    [InlineData("I want to delete task 8", "delete_task", "number=8")]
    [InlineData("trash #9", "delete_task", "number=9")]
    // Confirm / deny (the server does the real confirmation)
    [InlineData("yes", "confirm", "")]
    [InlineData("Yep!", "confirm", "")]
    [InlineData("yes, delete it", "confirm", "")]
    [InlineData("no", "deny", "")]
    [InlineData("Cancel", "deny", "")]
    [InlineData("keep it", "deny", "")]
    [InlineData("No, don't delete it.", "deny", "")]
    // Everything else
    [InlineData("hello", "greeting", "")]
    [InlineData("thanks!", "thanks", "")]
    [InlineData("what can you do?", "help", "")]
    [InlineData("tell me a joke", "help", "")]
    public void UnderstandsWhatPeopleType(string message, string expectedIntent, string expectedArguments)
    {
        var intent = IntentParser.Parse(message);

        Assert.Equal(expectedIntent, intent.Name);
        Assert.Equal(expectedArguments, Format(intent.Arguments));
        Assert.InRange(intent.Confidence, 0, 1);
    }

    [Theory]
    [InlineData("delete the milk one", "delete_task")]
    [InlineData("mark it as done", "complete_task")]
    [InlineData("rename my task", "update_task")]
    public void AsksForTheNumberInsteadOfGuessing(string message, string expectedIntent)
    {
        var intent = IntentParser.Parse(message);

        Assert.Equal(expectedIntent, intent.Name);
        Assert.False(intent.CallsTool);
        Assert.Contains("number", intent.Reply);
    }

    [Fact]
    public void UnknownTextGetsTheHelpReplyWithLowConfidence()
    {
        var intent = IntentParser.Parse("what is the capital of France");

        Assert.Equal(OfflineIntent.Help, intent.Name);
        Assert.True(intent.Confidence < 0.5);
        Assert.Contains("show me my tasks", intent.Reply);
        Assert.Contains("delete task 3", intent.Reply);
    }

    [Fact]
    public void AVeryLongMessageIsNotTakenForATitle()
    {
        var intent = IntentParser.Parse("add " + string.Concat(Enumerable.Repeat("milk and ", 600)) + "to my list");

        Assert.Equal(OfflineIntent.Help, intent.Name);
    }

    [Fact]
    public void ClearRequestsAreMoreConfidentThanGuesses()
    {
        Assert.True(IntentParser.Parse("create a task to buy milk").Confidence > IntentParser.Parse("I need to buy milk").Confidence);
    }

    [Theory]
    [InlineData("yes", Confirmation.Yes)]
    [InlineData("YES!", Confirmation.Yes)]
    [InlineData("yeah sure", Confirmation.Yes)]
    [InlineData("ok, go ahead", Confirmation.Yes)]
    [InlineData("yes please, delete it", Confirmation.Yes)]
    [InlineData("confirm", Confirmation.Yes)]
    [InlineData("no", Confirmation.No)]
    [InlineData("nope", Confirmation.No)]
    [InlineData("No thanks", Confirmation.No)]
    [InlineData("don’t delete it", Confirmation.No)]
    [InlineData("never mind", Confirmation.No)]
    [InlineData("keep it", Confirmation.No)]
    [InlineData("yes and add milk", Confirmation.None)]
    [InlineData("delete task 3", Confirmation.None)]
    [InlineData("", Confirmation.None)]
    public void ReadsConfirmationReplies(string text, Confirmation expected)
    {
        Assert.Equal(expected, ConfirmationReply.Parse(text));
        Assert.Equal(expected == Confirmation.Yes, ConfirmationReply.IsAffirmation(text));
        Assert.Equal(expected == Confirmation.No, ConfirmationReply.IsNegation(text));
    }

    private static string Format(IReadOnlyDictionary<string, object?> arguments) =>
        string.Join(";", arguments.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + "=" + pair.Value switch
        {
            bool flag => flag ? "true" : "false",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            var value => value?.ToString(),
        }));
}
