namespace TaskChat.Web.Chat.Conversations;

/// <summary>
/// A conversation's title: the one rule for the server, the database column and the page (which
/// receives the title in <c>turn_started</c> and the limit in its markup, never a copy of the rule).
/// </summary>
public static class ConversationTitle
{
    /// <summary>The longest title a user may give; the column's size.</summary>
    public const int MaxLength = 200;

    /// <summary>How much of the first message a new conversation's title keeps.</summary>
    private const int FromMessageLength = 60;

    public const string Untitled = "New conversation";

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
}
