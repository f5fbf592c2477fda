using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskChat.Web.Assistant.Offline;

/// <summary>Text clean-up shared by the rules: what people wrap around a request, and how a title is tidied.</summary>
internal static partial class Phrase
{
    /// <summary>
    /// Trims punctuation and polite filler ("please", "can you", "hey,") from both ends, keeping
    /// the case of what remains, since titles are taken from it. Curly apostrophes become straight
    /// ones so one pattern covers both keyboards.
    /// </summary>
    public static string Clean(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return "";
        }

        var text = Spaces().Replace(message.Replace('’', '\'').Replace('‘', '\''), " ").Trim();
        while (true)
        {
            var before = text;
            text = TrailingPunctuation().Replace(text, "");
            text = StripUnlessEmpty(text, LeadingFiller());
            text = StripUnlessEmpty(text, TrailingFiller());
            if (text == before)
            {
                return text;
            }
        }
    }

    /// <summary>The form the question-like rules match against: lower case, no apostrophes ("what's" = "whats").</summary>
    public static string Loose(string cleaned) => cleaned.ToLowerInvariant().Replace("'", "");

    /// <summary>A title as a person would write it: no wrapping quotes or end punctuation, first letter capitalized.</summary>
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
            title = TrailingPunctuation().Replace(title, "").Trim();
            title = title.Trim('"', '\'', '“', '”', '`', '«', '»').Trim();
        }
        while (title != previous);

        if (title.Length == 0)
        {
            return null;
        }

        return char.ToUpper(title[0], CultureInfo.InvariantCulture) + title[1..];
    }

    /// <summary>A description keeps its own case; only the wrapping is removed.</summary>
    public static string? Description(string? raw)
    {
        var description = raw?.Trim().Trim('"', '\'', '“', '”', '`').Trim();
        return string.IsNullOrEmpty(description) ? null : description;
    }

    public static int? Number(string token)
    {
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var index = Array.IndexOf(NumberWords, token.ToLowerInvariant());
        return index < 0 ? null : index + 1;
    }

    /// <summary>A task reference: "task 3", "task #3", "#3", "number 3", "task three", or a bare "3".</summary>
    public const string TaskNumber =
        @"(?:the\s+)?(?:(?:task|item|to-?do|number|no\.?|#)\s*(?:number\s+|no\.?\s*|#\s*)?)?" +
        @"(?<number>\d{1,9}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b";

    private static readonly string[] NumberWords =
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    private static string StripUnlessEmpty(string text, Regex filler)
    {
        var stripped = filler.Replace(text, "").Trim();
        return stripped.Length == 0 ? text : stripped;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\s.!?,;]+$")]
    private static partial Regex TrailingPunctuation();

    [GeneratedRegex(
        @"^(?:please|pls|plz|kindly|(?:can|could|would|will)\s+(?:you|u)(?:\s+please)?|(?:i'?d|i\s+would)\s+like\s+you\s+to|" +
        @"i\s+(?:want|need)\s+you\s+to|go\s+ahead\s+and|just|ok|okay|alright|all\s+right|so|hey|hi|hello|um+|uh+|oh|and|also|" +
        @"now|then|assistant|taskchat|help\s+me|let'?s|quickly)(?:[\s,!.:;-]+|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingFiller();

    [GeneratedRegex(
        @"(?:[\s,]+(?:please|pls|plz|for\s+me|thanks|thank\s+you|thank\s+u|thx|ty|if\s+you\s+can|if\s+you\s+could|if\s+possible))+$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingFiller();
}
