using FuzzySharp;

namespace TaskChat.Web.Assistant.Matching;

/// <summary>
/// Finds tasks the way people name them: "the report", "groceries", "the dentist one",
/// "the dentsit call". Each word of the query is scored against the title's words (same stem,
/// a small typo, or the start of a longer word), articles and filler are ignored, and the
/// tasks are ranked by how much of the query they explain.
/// </summary>
public static class TaskMatcher
{
    /// <summary>Below this a task is not taken to be the one meant.</summary>
    public const int Threshold = 60;

    // Two candidates closer than this are too close to choose between without asking.
    private const int AmbiguityMargin = 12;

    public static IReadOnlyList<TaskMatch> Rank(string query, IEnumerable<(int Number, string Title)> tasks)
    {
        var words = MatchWords.Significant(query);
        if (words.Count == 0)
        {
            return [];
        }

        return tasks
            .Select(task => new TaskMatch(task.Number, task.Title, Score(words, MatchWords.All(task.Title))))
            .Where(match => match.Score > 0)
            .OrderByDescending(match => match.Score)
            .ThenBy(match => match.Number)
            .ToList();
    }

    public static MatchOutcome Decide(string query, IEnumerable<(int Number, string Title)> tasks)
    {
        var ranked = Rank(query, tasks);
        if (ranked.Count == 0 || ranked[0].Score < Threshold)
        {
            return new MatchOutcome(MatchKind.NotFound, ranked.Take(3).ToList());
        }

        var close = ranked.TakeWhile(match => match.Score >= Threshold && ranked[0].Score - match.Score < AmbiguityMargin).ToList();
        return close.Count == 1
            ? new MatchOutcome(MatchKind.Found, ranked)
            : new MatchOutcome(MatchKind.Ambiguous, close);
    }

    /// <summary>
    /// The mean over query words of each word's best fit in the title, so "the report" fits
    /// "Finish the quarterly report" fully, while extra title words cost only a little (a
    /// shorter title that explains the same words wins a tie).
    /// </summary>
    private static int Score(IReadOnlyList<string> query, IReadOnlyList<string> title)
    {
        if (title.Count == 0)
        {
            return 0;
        }

        var total = 0.0;
        foreach (var word in query)
        {
            total += title.Max(candidate => WordFit(word, candidate));
        }

        var mean = total / query.Count;
        var unexplained = Math.Max(0, title.Count - query.Count);
        return (int)Math.Round(Math.Max(0, mean - Math.Min(8, unexplained)));
    }

    private static double WordFit(string word, string candidate)
    {
        if (word == candidate || MatchWords.Stem(word) == MatchWords.Stem(candidate))
        {
            return 100;
        }

        // "pass" for "passport", "grocer" for "groceries": the start of a longer word.
        if (word.Length >= 3 && candidate.StartsWith(word, StringComparison.Ordinal))
        {
            return 88;
        }

        // Typos: "dentsit", "grocries". Short words must match exactly, or "cat" would find "car".
        if (word.Length < 4 || candidate.Length < 4)
        {
            return 0;
        }

        var ratio = Fuzz.Ratio(word, candidate);
        return ratio >= 75 ? ratio : 0;
    }
}
