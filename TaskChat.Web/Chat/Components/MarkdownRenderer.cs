using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace TaskChat.Web.Chat.Components;

/// <summary>
/// Turns an assistant reply (Markdown written by a model, so untrusted) into HTML that is safe
/// to put in the page. Two layers on purpose: Markdig never passes raw HTML through
/// (<c>DisableHtml</c>: a <c>&lt;script&gt;</c> in the reply stays text), and the sanitizer then
/// keeps only the tags and URL schemes Markdown itself produces, which drops
/// <c>javascript:</c> links and anything an extension might let slip.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly string[] Tags =
    [
        "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
    ];

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        return sanitizer.Sanitize(Markdown.ToHtml(markdown, pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "title", "start"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        var sanitizer = new HtmlSanitizer(options);

        // A model's link opens in a new tab and gets no access to this page or its referrer.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { TagName: "A" } link)
            {
                link.SetAttribute("target", "_blank");
                link.SetAttribute("rel", "noopener noreferrer nofollow");
                RemoveBidiControls(link);
            }
            else if (e.Node is IElement { TagName: "UL" } list && IsChecklist(list))
            {
                list.SetAttribute("class", "checklist");
            }
        };
        return sanitizer;
    }

    /// <summary>
    /// A list whose every item starts with its own box ("- ☐ 1. Buy milk") already has a marker;
    /// the page then shows no bullet before it (one marker per line).
    /// </summary>
    private static bool IsChecklist(IElement list)
    {
        var items = list.Children.Where(child => child.TagName == "LI").ToList();
        return items.Count > 0 && items.All(item => item.TextContent.TrimStart() is [var first, ..] && Boxes.Contains(first));
    }

    private const string Boxes = "☐☑☒✓✔✗✘";

    /// <summary>
    /// Bidi controls (U+202A-202E, U+2066-2069, U+200E/200F, U+061C) can make link text read as
    /// one address while it goes to another ("moc.knab" shown as "bank.com"); link text keeps
    /// none of them, nor does its title.
    /// </summary>
    private static void RemoveBidiControls(IElement link)
    {
        foreach (var node in link.Descendants<IText>())
        {
            node.Data = WithoutBidiControls(node.Data);
        }

        if (link.GetAttribute("title") is { } title)
        {
            link.SetAttribute("title", WithoutBidiControls(title));
        }
    }

    internal static string WithoutBidiControls(string text) =>
        text.AsSpan().IndexOfAny(BidiControls) < 0 ? text : string.Concat(text.Where(c => !BidiControls.Contains(c)));

    private static readonly System.Buffers.SearchValues<char> BidiControls = System.Buffers.SearchValues.Create(
        "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C");
}
