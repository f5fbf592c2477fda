using System.Text;

namespace TaskChat.Web.Assistant.Offline;

/// <summary>Everything the offline assistant says, in one place so its voice stays consistent.</summary>
internal static class Replies
{
    private const string Examples =
        "- “add milk to my list” or “remind me to call mom”\n" +
        "- “show me my tasks” or “what's left?”\n" +
        "- “mark task 1 as complete” or “reopen task 1”\n" +
        "- “rename task 2 to call dad”\n" +
        "- “delete task 3”";

    public const string Help = "I'm TaskChat's offline assistant. I understand everyday requests like these:\n\n" + Examples;

    public const string NotUnderstood = "Sorry, I didn't understand that. I'm the offline assistant, so I know a set of " +
        "everyday requests about your tasks, like these:\n\n" + Examples;

    public const string Greeting = "Hi! I can keep track of your tasks. Try “add milk to my list” or “show me my tasks”.";

    public const string Thanks = "You're welcome! Anything else on your list?";

    public const string NothingToConfirm = "There's nothing waiting for your confirmation right now.";

    public const string NothingDeleted = "Okay, nothing was deleted.";

    public const string AskForTitle = "What should the task say? For example: “add a task to buy milk”.";

    public const string ToolsUnavailable = "I can't change your tasks from here right now.";

    public static string AskForNumber(string verb, string example) =>
        $"Which task should I {verb}? Tell me its number, for example “{example}”. Say “show me my tasks” to see the numbers.";

    /// <summary>Turns a tool's result into what a person reads; the tool's message is written for a model.</summary>
    public static string ForToolResult(string toolName, IReadOnlyDictionary<string, object?>? arguments, ToolResult result)
    {
        switch (result.Status)
        {
            case ToolStatus.NeedsConfirmation:
                // The server asks the question itself, right after the proposal; a reply that
                // went on after it would keep a typed "yes" from counting.
                return "";
            case ToolStatus.Failed:
                // The tool speaks to a model ("Use list_tasks ..."); a person types the request instead.
                return result.Message.Replace("Use list_tasks to see the numbers.", "Say “show me my tasks” to see the numbers.");
        }

        return toolName switch
        {
            ToolNames.AddTask when result.Task is { } task => $"I've added task {task.Number}, {TaskTools.Quote(task.Title)}.",
            ToolNames.ListTasks when result.Tasks is { Count: > 0 } tasks => TaskList(Status(arguments), tasks),
            _ => result.Message,
        };
    }

    /// <summary>
    /// A bulleted list, not a numbered one: Markdown renumbers ordered lists from their first
    /// item, which would show task numbers with gaps (1, 3, 4) as 1, 2, 3.
    /// </summary>
    private static string TaskList(string status, IReadOnlyList<ToolTask> tasks)
    {
        var text = new StringBuilder(status switch
        {
            "open" => "Here's what's left:",
            "completed" => "Here's what you've completed:",
            _ => "Here are your tasks:",
        });
        text.Append("\n\n");
        foreach (var task in tasks)
        {
            text.Append("- ").Append(task.IsCompleted ? "✓" : "☐").Append(' ')
                .Append(task.Number).Append(". ").Append(task.Title).Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    private static string Status(IReadOnlyDictionary<string, object?>? arguments) =>
        arguments?.TryGetValue("status", out var value) == true ? value?.ToString()?.ToLowerInvariant() ?? "all" : "all";
}
