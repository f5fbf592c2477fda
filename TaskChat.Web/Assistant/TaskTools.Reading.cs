using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using TaskChat.Web.Tasks;

namespace TaskChat.Web.Assistant;

// Reading: listing with the REST route's filters, and finding by words of a title.
public sealed partial class TaskTools
{
    [Description("Lists the user's tasks with their numbers, soonest due first. Use it when the user asks what is on their " +
        "list, what is left, what is due today or overdue, or what is on one of their lists.")]
    public async Task<ToolResult> ListTasksAsync(
        [Description("Which tasks: \"open\" (not done yet), \"done\", or \"all\" (the default).")]
        [AllowedValues("all", "open", "done", null)] string? status = "all",
        [Description("Only the tasks on this list, e.g. \"Shopping\".")] string? list = null,
        [Description("Only tasks due \"today\", \"overdue\" ones (due before today, not done) or \"upcoming\" ones (the next 7 days).")]
        [AllowedValues("today", "overdue", "upcoming", null)] string? due = null,
        CancellationToken cancellationToken = default)
    {
        var completed = ParseStatus(status, out var known);
        if (!known)
        {
            return ToolResult.Failed($"\"{status}\" is not a status I know. Use \"open\", \"done\" or \"all\".");
        }

        DueWindow? window = null;
        if (!string.IsNullOrWhiteSpace(due) && (window = TaskFilter.ParseDue(due)) is null)
        {
            return ToolResult.Failed($"\"{due}\" is not a due filter I know. Use \"today\", \"overdue\" or \"upcoming\".");
        }

        var name = string.IsNullOrWhiteSpace(list) ? null : list.Trim();
        var found = await tasks.ListAsync(userId, new TaskFilter(completed, name, window), cancellationToken);
        // Overdue tasks are open ones by definition, so "overdue" replaces "open".
        var kind = (completed, window) switch
        {
            (_, DueWindow.Overdue) => "overdue ",
            (false, _) => "open ",
            (true, _) => "completed ",
            _ => "",
        };
        var where = (name is null ? "" : $" on the list {Quote(name)}") + window switch
        {
            DueWindow.Today => " due today",
            DueWindow.Upcoming => $" due in the next {TaskRules.UpcomingDays} days",
            _ => "",
        };
        var message = found.Count switch
        {
            0 => $"You have no {kind}tasks{where}.",
            1 => $"You have 1 {kind}task{where}.",
            _ => $"You have {found.Count:N0} {kind}tasks{where}.",
        };
        // Open ones first, then soonest due: the ones a person wants to see when not all fit.
        var shown = found.OrderBy(t => t.IsCompleted).Take(TaskRules.ListedAtMost).Select(ToolTask.From).ToList();
        var more = found.Count - shown.Count;
        return more == 0
            ? ToolResult.Succeeded(message, tasks: shown)
            : new ToolResult(ToolStatus.Succeeded,
                $"{message} These are the first {shown.Count}, open ones first, soonest due first; {more:N0} more are not shown. " +
                "Narrow it with a list, a due filter or find_tasks.",
                Tasks: shown, More: more);
    }

    [Description("Finds tasks whose title contains words of the query, best match first, with their numbers. Use it " +
        "whenever the user names a task by what it says (\"the dentist one\", \"mark buy milk as done\") instead of guessing a number.")]
    public async Task<ToolResult> FindTasksAsync(
        [Description("Words from the task's title, e.g. \"dentist\" or \"buy milk\".")]
        [StringLength(TaskRules.TitleMaxLength, MinimumLength = 1)] string query,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return ToolResult.Failed("Give some words of the task's title to look for.");
        }

        var all = await tasks.ListAsync(userId, cancellationToken: cancellationToken);
        // Forgiving of stems, typos and filler ("the dentsit one"); equally good matches list open tasks first.
        var found = Matching.TaskMatcher.Rank(query, all.Select(t => (t.Number, t.Title)))
            .Select(match => (match.Score, Task: all.Single(t => t.Number == match.Number)))
            .OrderByDescending(match => match.Score).ThenBy(match => match.Task.IsCompleted).ThenBy(match => match.Task.Number)
            .Take(10).Select(match => ToolTask.From(match.Task)).ToList();
        var message = found.Count switch
        {
            0 => $"No task matches {Quote(query.Trim())}.",
            1 => $"Found 1 task matching {Quote(query.Trim())}.",
            _ => $"Found {found.Count} tasks matching {Quote(query.Trim())}, best match first.",
        };
        return ToolResult.Succeeded(message, tasks: found);
    }

    /// <summary>Models paraphrase; accept the obvious synonyms (and the older "completed") rather than fail the call.</summary>
    private static bool? ParseStatus(string? status, out bool known)
    {
        known = true;
        switch (status?.Trim().ToLowerInvariant())
        {
            case null or "" or "all" or "any" or "every" or "everything":
                return null;
            case "open" or "pending" or "incomplete" or "todo" or "to do" or "remaining" or "not completed" or "active":
                return false;
            case "done" or "completed" or "complete" or "finished" or "closed":
                return true;
            default:
                known = false;
                return null;
        }
    }
}
