using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace TaskChat.Web.Chat.Search;

/// <summary>
/// Turns an engine's snippet into safe HTML: the engines wrap matches in two control characters
/// (never HTML, so the text cannot inject markup); the text is escaped and the matches marked.
/// </summary>
public static class SearchSnippet
{
    public const char Start = '\u0001';
    public const char Stop = '\u0002';

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string ToHtml(string raw)
    {
        var html = new StringBuilder(raw.Length + 32);
        var open = false;
        var text = new StringBuilder();
        foreach (var c in raw.ReplaceLineEndings(" "))
        {
            if (c is not (Start or Stop))
            {
                text.Append(c);
                continue;
            }

            html.Append(Encoder.Encode(text.ToString()));
            text.Clear();
            if ((c == Start) != open)
            {
                html.Append(open ? "</mark>" : "<mark>");
                open = !open;
            }
        }

        html.Append(Encoder.Encode(text.ToString()));
        return open ? html.Append("</mark>").ToString() : html.ToString();
    }
}
