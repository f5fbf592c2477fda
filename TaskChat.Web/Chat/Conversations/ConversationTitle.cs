using System.Text.RegularExpressions;
using TaskChat.Web.Assistant.Offline.Understanding;

namespace TaskChat.Web.Chat.Conversations;

/// <summary>
/// A conversation's title: the one rule for the server, the database column and the page (which
/// receives the title in <c>turn_started</c> and the limit in its markup, never a copy of the rule).
/// </summary>
public static partial class ConversationTitle
{
    /// <summary>The longest title a user may give; the column's size.</summary>
    public const int MaxLength = 200;

    /// <summary>How much of the first message a new conversation's title keeps.</summary>
    private const int FromMessageLength = 60;

    public const string Untitled = "New conversation";

    /// <summary>
    /// A new conversation's title: what its first message is about. A request to add tasks is
    /// titled by them, as the assistant's parser reads it ("add eggs, milk and bread to my list"
    /// is "Eggs, Milk and Bread"); anything else by its first words, without a greeting or a
    /// "can you" in front. Decided once, when the conversation is stored, so the title the page
    /// is told live is the one it finds after a reload.
    /// </summary>
    public static string For(string firstMessage, DateOnly today)
    {
        var request = RequestParser.Parse(firstMessage, today);
        var titles = request.Intent == RequestIntent.Add
            ? request.NewTasks.Select(task => task.Title).OfType<string>().Where(title => title.Length > 0).ToList()
            : [];
        return titles.Count switch
        {
            0 => From(Politeness().Replace(firstMessage.TrimStart(), "") is { Length: > 0 } plain ? Capitalized(plain) : firstMessage),
            1 => From(titles[0]),
            _ => From(string.Join(", ", titles[..^1]) + " and " + titles[^1]),
        };
    }

    /// <summary>The first words of the first message on one line, cut at a word boundary.</summary>
    public static string From(string text)
    {
        var singleLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (singleLine.Length <= FromMessageLength)
        {
            return singleLine.Length == 0 ? Untitled : singleLine;
        }

        // A cut at a space, unless that leaves too little; then at the limit itself.
        var cut = singleLine.LastIndexOf(' ', FromMessageLength);
        return string.Concat(singleLine.AsSpan(0, cut > 20 ? cut : FromMessageLength), "…");
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>What people put in front of a request: "hi,", "hey there", "please", "can you", "could you please".</summary>
    [GeneratedRegex(@"^(?:(?:hi|hey|hello)(?:\s+there)?[\s,!.]+)?(?:(?:please|pls|can you|could you|would you)[\s,]+)*(?:please\s+)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Politeness();
}
