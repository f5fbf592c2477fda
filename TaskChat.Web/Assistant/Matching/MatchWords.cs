using System.Text.RegularExpressions;

namespace TaskChat.Web.Assistant.Matching;

/// <summary>How titles and queries are cut into comparable words.</summary>
internal static partial class MatchWords
{
    // Words that say which task in general ("the ... one", "my ... task") rather than which task.
    private static readonly HashSet<string> Filler =
    [
        "the", "a", "an", "my", "our", "your", "this", "that", "these", "those", "one", "ones", "task", "tasks", "item", "items",
        "todo", "to-do", "thing", "things", "reminder", "about", "for", "to", "of", "on", "in", "at", "with", "and", "or", "from",
        "thingy", "stuff", "entry", "something", "please", "list",
    ];

    public static IReadOnlyList<string> All(string text) =>
        Word().Matches(text.ToLowerInvariant().Replace("'", "").Replace("’", "")).Select(m => m.Value).ToList();

    public static IReadOnlyList<string> Significant(string text)
    {
        var words = All(text);
        var significant = words.Where(word => !Filler.Contains(word)).ToList();
        return significant.Count > 0 ? significant : words.Where(word => word is not ("the" or "a" or "an" or "my")).ToList();
    }

    /// <summary>A light stem: plurals and common endings, enough for "groceries" to meet "grocery" and "calling" "call".</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3)
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        foreach (var ending in Endings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal) && word.Length - ending.Length >= 3)
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }

    private static readonly string[] Endings = ["ing", "ed", "es", "s"];

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*")]
    private static partial Regex Word();
}
