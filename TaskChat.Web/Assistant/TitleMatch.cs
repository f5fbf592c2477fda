using System.Text.RegularExpressions;
using TaskChat.Web.Tasks;

namespace TaskChat.Web.Assistant;

/// <summary>
/// find_tasks' ranking: how many of the query's words a title holds (a whole word counts more
/// than a word that only starts one), open tasks before done ones, then by number.
/// </summary>
public static partial class TitleMatch
{
    private static readonly HashSet<string> Ignored =
        ["a", "an", "the", "to", "my", "of", "for", "and", "or", "on", "in", "at", "task", "tasks", "one", "that", "this", "it"];

    public static IEnumerable<TaskItem> Rank(IEnumerable<TaskItem> tasks, string query)
    {
        var words = Words(query).Where(w => !Ignored.Contains(w)).Distinct().ToList();
        if (words.Count == 0)
        {
            words = Words(query).Distinct().ToList();
        }

        return tasks
            .Select(task => (task, score: Score(Words(task.Title).ToList(), words)))
            .Where(match => match.score > 0)
            .OrderByDescending(match => match.score)
            .ThenBy(match => match.task.IsCompleted)
            .ThenBy(match => match.task.Number)
            .Select(match => match.task);
    }

    private static int Score(List<string> title, List<string> words) =>
        words.Sum(word => title.Contains(word) ? 2 : title.Any(t => t.StartsWith(word, StringComparison.Ordinal)) ? 1 : 0);

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
