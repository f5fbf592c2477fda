using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>Text clean-up shared by the rules: what people wrap around a request, and how a title is tidied.</summary>
public static partial class Phrase
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

    public static int? Number(string token)
    {
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var index = Array.IndexOf(NumberWords, token.ToLowerInvariant());
        return index < 0 ? null : index + 1;
    }

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
        @"now|then|assistant|taskchat|help\s+me|let'?s|quickly|actually|btw|by\s+the\s+way|hmm+|ah|right|thanks|thank\s+you|great|cool|perfect|awesome)(?:[\s,!.:;-]+|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingFiller();

    [GeneratedRegex(
        @"(?:[\s,]+(?:please|pls|plz|for\s+me|thanks|thank\s+you|thank\s+u|thx|ty|if\s+you\s+can|if\s+you\s+could|if\s+possible))+$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingFiller();
}
