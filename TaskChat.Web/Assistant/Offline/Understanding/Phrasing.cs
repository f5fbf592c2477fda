using System.Text.RegularExpressions;

namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>
/// One line of a phrase table: a pattern in plain words and what it means. In a pattern, a space
/// stands for any run of spaces, <c>(a|b)</c> is a choice and <c>(a )?</c> an option, and these
/// placeholders are filled in:
/// <c>{target}</c> the task(s) meant, <c>{title}</c> the new task's words (dates, priority and list
/// are taken out of them), <c>{value}</c> what an edit sets (see <see cref="Slot"/>; <c>{value:priority}</c> only words of that class), and word
/// classes such as <c>{done}</c> or <c>{delete}</c> from <see cref="PhraseBook.WordClasses"/>.
/// </summary>
public sealed partial record Phrasing(RequestIntent Intent, string Pattern, Slot Slot = Slot.None)
{
    private Regex? compiled;

    public Regex Regex => compiled ??= Compile(Pattern);

    private static Regex Compile(string pattern)
    {
        // "{value:priority}": the value, limited to a word class, so "mark task 4 as important" cannot read "4 as important" as the value.
        var limited = LimitedValue().Replace(pattern, match => "(?<value>{" + match.Groups[1].Value + "})");
        var expanded = WordClass().Replace(limited, match => match.Groups[1].Value switch
        {
            "target" => "(?<target>.+?)",
            "title" => "(?<title>.+)",
            "value" => "(?<value>.+?)",
            var name => "(" + (PhraseBook.WordClasses.TryGetValue(name, out var words)
                ? words
                : throw new InvalidOperationException($"The phrasing \"{pattern}\" uses an unknown word class {{{name}}}.")) + ")",
        });
        var regex = OpenGroup().Replace(expanded, "(?:").Replace(" ", @"\s+");
        return new Regex("^" + regex + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250));
    }

    [GeneratedRegex(@"\{value:([a-z]+)\}")]
    private static partial Regex LimitedValue();

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex WordClass();

    // A plain "(" in a pattern is a choice, not a capture: only the placeholders capture.
    [GeneratedRegex(@"\((?!\?)")]
    private static partial Regex OpenGroup();
}
