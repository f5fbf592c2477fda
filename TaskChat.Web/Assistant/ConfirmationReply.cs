using System.Text.RegularExpressions;

namespace TaskChat.Web.Assistant;

public enum Confirmation { None, Yes, No }

/// <summary>
/// Recognizes a reply to "confirm this deletion?" ("yes", "yep, delete it", "no", "cancel", "keep it").
/// Public so the turn lifecycle can intercept a typed answer while a deletion is pending, whichever
/// assistant is running. Only a whole message counts: "yes and add milk" is not a plain yes.
/// </summary>
public static partial class ConfirmationReply
{
    public static Confirmation Parse(string? text)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return Confirmation.None;
        }

        // "no" is checked first so that "no, don't delete it" is not read as a yes because of "delete it".
        if (NoPattern().IsMatch(normalized))
        {
            return Confirmation.No;
        }

        return YesPattern().IsMatch(normalized) ? Confirmation.Yes : Confirmation.None;
    }

    public static bool IsAffirmation(string? text) => Parse(text) == Confirmation.Yes;

    public static bool IsNegation(string? text) => Parse(text) == Confirmation.No;

    /// <summary>Lower case, apostrophes dropped ("don't" = "dont"), punctuation and emphasis as spaces.</summary>
    internal static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var lowered = text.ToLowerInvariant().Replace("'", "").Replace("’", "");
        return Spaces().Replace(NotWord().Replace(lowered, " "), " ").Trim();
    }

    // A reply is one or more of these phrases ("yes, delete it", "no, keep it"), optionally polite.
    private const string YesWords = @"(?:yes|yeah|yea|yep|yup|ya|y|sure|ok|okay|k|confirm|confirmed|absolutely|definitely|certainly|" +
        @"correct|affirmative|of\s+course|please\s+do|please|do\s+it|go\s+ahead|go\s+for\s+it|delete\s+it|remove\s+it|" +
        @"get\s+rid\s+of\s+it|im\s+sure|i\s+am\s+sure|thats\s+right|that\s+is\s+right|right)";

    private const string NoWords = @"(?:no|nope|nah|n|cancel\s+that|cancel\s+it|cancel|dont\s+delete\s+it|dont\s+delete|" +
        @"do\s+not\s+delete\s+it|do\s+not\s+delete|dont\s+do\s+it|dont|do\s+not|keep\s+it|keep|leave\s+it|never\s*mind|" +
        @"stop|abort|not\s+now|wait|hold\s+on|no\s+way|i\s+changed\s+my\s+mind|changed\s+my\s+mind)";

    private const string Polite = @"(?:\s+(?:please|thanks|thank\s+you|thx|for\s+now))*";

    [GeneratedRegex("^" + YesWords + @"(?:\s+" + YesWords + ")*" + Polite + "$")]
    private static partial Regex YesPattern();

    [GeneratedRegex("^" + NoWords + @"(?:\s+" + NoWords + ")*" + Polite + "$")]
    private static partial Regex NoPattern();

    [GeneratedRegex(@"[^\p{L}\p{N}\s]+")]
    private static partial Regex NotWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
