using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>
/// The new tasks in the words after "add": the due date, priority and list come out of the
/// words, and a list of things becomes several tasks ("eggs, milk and bread"), while a title
/// that is one thing stays one task ("call mom and dad", "salt and pepper grinder").
/// </summary>
public static partial class TitleWords
{
    /// <summary>Each new task, or none when nothing is left to call it.</summary>
    public static IReadOnlyList<TaskFields> NewTasks(string words, DateOnly today)
    {
        var (description, rest) = SplitDescription(words);
        var (list, withoutList) = FieldWords.ExtractList(rest);
        var (priority, withoutPriority) = FieldWords.ExtractPriority(withoutList);
        var (due, withoutDate) = DateWords.Extract(withoutPriority, today);
        (priority, withoutDate) = priority is null ? FieldWords.ExtractPriority(withoutDate) : (priority, withoutDate);
        (list, withoutDate) = list is null ? FieldWords.ExtractList(withoutDate) : (list, withoutDate);

        return Split(withoutDate)
            .Select(Title)
            .OfType<string>()
            .Select(title => new TaskFields(title, description, due, priority, list))
            .ToList();
    }

    /// <summary>A title as a person would write it: no wrapping quotes, filler or end punctuation, first letter capitalized.</summary>
    public static string? Title(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var title = raw.Trim();
        string previous;
        do
        {
            previous = title;
            title = Wrapping().Replace(title, "").Trim();
            title = title.Trim('"', '\'', '“', '”', '`', '«', '»', '‘', '’').Trim();
            title = LeadingFiller().Replace(title, "").Trim();
        }
        while (title != previous);

        return title.Length == 0 ? null : char.ToUpper(title[0], CultureInfo.InvariantCulture) + title[1..];
    }

    /// <summary>
    /// Commas make a list when every part is short; "and" splits the last part of such a list,
    /// or two parts that each start with a verb ("call mom and email dad"). Otherwise the words
    /// are one task.
    /// </summary>
    public static IReadOnlyList<string> Split(string words)
    {
        var parts = Commas().Split(words).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count > 1 && parts.All(p => WordCount(p) <= 5))
        {
            var last = AndSplit(parts[^1], always: true);
            return [.. parts.Take(parts.Count - 1), .. last];
        }

        return AndSplit(words.Trim(), always: false);
    }

    private static IReadOnlyList<string> AndSplit(string words, bool always)
    {
        var halves = And().Split(words).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (halves.Count < 2)
        {
            return [words];
        }

        var allShort = halves.All(h => WordCount(h) <= 4);
        var allVerbs = halves.All(StartsWithVerb);
        return (always && allShort) || allVerbs ? halves : [words];
    }

    private static bool StartsWithVerb(string words)
    {
        var first = FirstWord().Match(words);
        return first.Success && Verbs.Contains(first.Value.ToLowerInvariant());
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static (string? Description, string Remainder) SplitDescription(string text)
    {
        var match = WithDescription().Match(text);
        return match.Success
            ? (match.Groups["description"].Value.Trim().Trim('"', '\'', '“', '”'), match.Groups["title"].Value)
            : (null, text);
    }

    [GeneratedRegex(@"^(?<title>.+?)(?:\s*[,;]\s*|\s+with\s+)(?:(?:a|the)\s+)?(?:description|details|notes?)\s*[:=\-]?\s*(?<description>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex WithDescription();

    [GeneratedRegex(@"\s*[,;]\s*(?:and\s+|&\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex Commas();

    [GeneratedRegex(@"\s+(?:and|&|plus|as\s+well\s+as)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex And();

    [GeneratedRegex(@"^[\p{L}]+")]
    private static partial Regex FirstWord();

    [GeneratedRegex(@"^[\s,.;:!?\-–]+|[\s,.;:!?\-–]+$")]
    private static partial Regex Wrapping();

    // What "add" phrasings leave at the start of a title: "add (a task) to buy milk", "remind me about the rent".
    [GeneratedRegex(@"^(?:to\s+(?=\w+\s)|that\s+i\s+(?:need|have)\s+to\s+|about\s+(?=\w))", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFiller();
}
