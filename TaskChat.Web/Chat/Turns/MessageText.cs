using System.Globalization;
using System.Text;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// A user's message as a turn takes it: storable (<see cref="StorableText"/>), trimmed, and
/// refused when nothing in it would show. 8,000 zero-width spaces look like an empty bubble, so
/// they are refused like one: whitespace, format characters (zero-width spaces and joiners, bidi
/// controls, the byte-order mark), combining marks with nothing to sit on, and the blank "filler"
/// letters are all invisible on their own. Other control characters are left to the model.
/// </summary>
internal static class MessageText
{
    // Letters and symbols that draw nothing: Hangul fillers, the braille blank, the grapheme joiner.
    private static readonly HashSet<int> Blank = [0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x034F];

    public static string Normalize(string? text) => StorableText.Clean(text ?? "").Trim();

    public static bool HasVisibleCharacters(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsVisible(rune))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsVisible(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune) || Blank.Contains(rune.Value))
        {
            return false;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Format or UnicodeCategory.SpaceSeparator
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned => false,
            _ => true,
        };
    }
}
