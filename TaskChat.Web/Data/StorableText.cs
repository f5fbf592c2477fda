using System.Text;

namespace TaskChat.Web.Data;

/// <summary>
/// Text as the database can store it. PostgreSQL refuses U+0000 in <c>text</c> (and the
/// <c>\u0000</c> escape in JSON), and an unpaired UTF-16 surrogate cannot be encoded as UTF-8 at
/// all; either one in a statement fails the whole statement. Every way text comes in (a user's
/// message, a model's reply, titles, tool arguments and results) passes through here first:
/// NUL is removed, a lone surrogate becomes U+FFFD.
/// </summary>
public static class StorableText
{
    public const char Replacement = '\uFFFD';

    /// <summary>The text without NUL and with lone surrogates replaced; the same instance when nothing needed changing.</summary>
    public static string Clean(string text)
    {
        if (IsStorable(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? Replacement : c);
            }
        }

        return builder.ToString();
    }

    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    public static bool IsStorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    /// <summary>
    /// JSON text made storable: PostgreSQL's jsonb refuses the <c>\u0000</c> escape as it refuses
    /// the character, and a serializer writes an escaped lone surrogate (<c>\udc00</c>) that no
    /// UTF-8 column takes back either. Both escapes are dropped or replaced like the characters.
    /// </summary>
    public static string CleanJson(string json)
    {
        var text = Clean(json);
        if (!text.Contains("\\u", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                if (text[i + 1] == 'u' && TryEscape(text, i, out var code))
                {
                    if (code == 0)
                    {
                        i += 5;
                        continue;
                    }

                    if (char.IsSurrogate((char)code) && !IsPairedEscape(text, i, (char)code))
                    {
                        builder.Append(Replacement);
                        i += 5;
                        continue;
                    }

                    if (char.IsHighSurrogate((char)code))
                    {
                        // A valid pair: copy both escapes as they are.
                        builder.Append(text, i, 12);
                        i += 11;
                        continue;
                    }
                }

                // Any other escape (\" \\ \n \u00e9 ...) is copied whole, so a "\\u0000" that is
                // an escaped backslash followed by text is not mistaken for an escape.
                builder.Append(text[i]).Append(text[i + 1]);
                i++;
                continue;
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }

    private static bool TryEscape(string text, int at, out int code)
    {
        code = 0;
        return at + 6 <= text.Length && int.TryParse(text.AsSpan(at + 2, 4), System.Globalization.NumberStyles.HexNumber, null, out code);
    }

    private static bool IsPairedEscape(string text, int at, char first) =>
        char.IsHighSurrogate(first)
        && at + 12 <= text.Length && text[at + 6] == '\\' && text[at + 7] == 'u'
        && TryEscape(text, at + 6, out var second) && char.IsLowSurrogate((char)second);
}
