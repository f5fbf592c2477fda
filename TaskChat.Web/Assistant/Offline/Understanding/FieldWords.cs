using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>
/// Priority and list out of the words: "urgent", "ASAP", "whenever", "low priority"; "to my work
/// list", "on the Shopping list", "for work". Each is taken out of the text it was found in, so
/// what is left is the title.
/// </summary>
public static partial class FieldWords
{
    public static (string? Priority, string Remainder) ExtractPriority(string text)
    {
        foreach (var (priority, pattern) in PriorityRules)
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                return (priority, Remove(text, match));
            }
        }

        return (null, text);
    }

    /// <summary>A priority that is the whole text ("urgent", "high priority", "low"), or null.</summary>
    public static string? WholePriority(string text)
    {
        var (priority, rest) = ExtractPriority(text);
        if (priority is not null && rest.Length == 0)
        {
            return priority;
        }

        return text.Trim().ToLowerInvariant() switch
        {
            "high" or "higher" or "top" => "high",
            "low" or "lower" => "low",
            "normal" or "medium" or "regular" => "normal",
            _ => null,
        };
    }

    /// <summary>The list a text names ("to my work list", "for work"), with the text left without it.</summary>
    public static (string? List, string Remainder) ExtractList(string text)
    {
        foreach (var pattern in ListRules)
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                var name = match.Groups["list"].Success ? ListName(match.Groups["list"].Value) : null;
                return (name, Remove(text, match));
            }
        }

        return (null, text);
    }

    /// <summary>"my work list", "the shopping list", "Groceries": the list a whole text names, or null.</summary>
    public static string? WholeList(string text)
    {
        var match = WholeListPattern().Match(text.Trim());
        return match.Success ? ListName(match.Groups["list"].Value) : null;
    }

    /// <summary>A list's name as people write it: "work" is "Work", "grocery" stays "Grocery".</summary>
    public static string? ListName(string raw)
    {
        var name = LeadingArticle().Replace(raw.Trim().Trim('"', '\'', '“', '”'), "");
        if (name.Length is 0 or > 50 || GenericList().IsMatch(name))
        {
            return null;
        }

        return char.ToUpper(name[0], CultureInfo.InvariantCulture) + name[1..];
    }

    private static string Remove(string text, Match match)
    {
        var rest = text[..match.Index] + " " + text[(match.Index + match.Length)..];
        return Dangling().Replace(Spaces().Replace(rest, " "), "").Trim();
    }

    [GeneratedRegex(@"^(?:the|my|our)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingArticle();

    [GeneratedRegex(@"^(?:to-?do|todo|task|tasks|to\s+do|main|the|my)$", RegexOptions.IgnoreCase)]
    private static partial Regex GenericList();

    [GeneratedRegex(@"^(?:(?:my|the|our)\s+)?(?<list>[\p{L}\p{N}][\p{L}\p{N}'\- ]{0,40}?)(?:\s+list)$", RegexOptions.IgnoreCase)]
    private static partial Regex WholeListPattern();

    [GeneratedRegex(@"(?:[\s,;:\-–]+(?:and|it'?s|its|is|very|with|make\s+it))*[\s,;:\-–!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Dangling();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
