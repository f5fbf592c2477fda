using System.Text.RegularExpressions;

namespace TaskChat.Web.Chat.Search;

/// <summary>
/// What the user typed, reduced to words (letters and digits): every word must match, the last
/// one as a prefix (so results come while typing). Nothing of the engines' query syntax gets
/// through, so no input can break or widen a query.
/// </summary>
public sealed partial record SearchTerms(IReadOnlyList<string> Words)
{
    public const int MaxQueryLength = 200;
    private const int MaxWords = 10;

    public static SearchTerms? Parse(string? query)
    {
        var words = WordPattern().Matches(query ?? "").Select(m => m.Value.ToLowerInvariant()).Take(MaxWords).ToList();
        return words.Count == 0 ? null : new SearchTerms(words);
    }

    /// <summary>PostgreSQL's to_tsquery form: <c>buy &amp; milk:*</c>.</summary>
    public string ToTsQuery() => string.Join(" & ", Words.Select((w, i) => i == Words.Count - 1 ? w + ":*" : w));

    /// <summary>SQLite FTS5's form: <c>"buy" "milk"*</c> (each word quoted, so none is an operator).</summary>
    public string ToFts5Query() => string.Join(' ', Words.Select((w, i) => i == Words.Count - 1 ? $"\"{w}\"*" : $"\"{w}\""));

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
