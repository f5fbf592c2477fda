using TaskChat.Web.Assistant;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// What the server itself says about a proposed deletion, naming every task it covers. A typed
/// "yes" or "no" counts as an answer only when the reply before it ends with one of these
/// sentences (<see cref="IsAnsweredBy"/>), so a model cannot make a "yes" mean something else.
/// </summary>
internal static class DeletionQuestion
{
    /// <summary>Asked right after the proposal, where its card is.</summary>
    public static string Ask(IReadOnlyList<ToolTask> tasks) =>
        tasks.Count == 1
            ? $"Delete {Name(tasks)}? Reply “yes” to delete it or “no” to keep it."
            : $"Delete {Name(tasks)}? Reply “yes” to delete them or “no” to keep them.";

    /// <summary>Ends every later reply while the proposal waits for its answer.</summary>
    public static string Remind(IReadOnlyList<ToolTask> tasks) =>
        tasks.Count == 1
            ? $"{Capitalized(Name(tasks))}, is still waiting: delete it?"
            : $"{Capitalized(Name(tasks))}, are still waiting: delete them?";

    /// <summary>Said when a new proposal replaces one that was waiting.</summary>
    public static string Replaced(IReadOnlyList<ToolTask> tasks) =>
        tasks.Count == 1
            ? $"This replaces the deletion of {Name(tasks)}, which was waiting; it stays on your list."
            : $"This replaces the deletion of {Name(tasks)}, which was waiting; they stay on your list.";

    /// <summary>Whether the reply the user answered ends with the server's question (or reminder) about this proposal.</summary>
    public static bool IsAnsweredBy(string? lastReply, ToolCall proposal)
    {
        var tasks = TasksOf(proposal);
        if (lastReply is null || tasks.Count == 0)
        {
            return false;
        }

        var end = lastReply.TrimEnd();
        return end.EndsWith(Ask(tasks), StringComparison.Ordinal) || end.EndsWith(Remind(tasks), StringComparison.Ordinal);
    }

    /// <summary>The tasks a proposal covers, as the tool found them when it was made.</summary>
    public static IReadOnlyList<ToolTask> TasksOf(ToolCall proposal)
    {
        if (proposal.Result is null)
        {
            return [];
        }

        var result = ToolResult.Read(proposal.Result);
        return result.Tasks is { Count: > 0 } several ? several : result.Task is { } one ? [one] : [];
    }

    /// <summary>"task 3, “Buy milk”" or "tasks 2, “Call mom”, and 4, “Pay rent”".</summary>
    private static string Name(IReadOnlyList<ToolTask> tasks)
    {
        var named = tasks.Select(t => $"{t.Number}, {TaskTools.Quote(t.Title)}").ToList();
        return named.Count switch
        {
            1 => $"task {named[0]}",
            2 => $"tasks {named[0]}, and {named[1]}",
            _ => $"tasks {string.Join(", ", named[..^1])}, and {named[^1]}",
        };
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
