using System.Text.RegularExpressions;

namespace TaskChat.Web.Assistant.Offline;

/// <summary>
/// The offline assistant's understanding: an ordered table of phrasings, first match wins.
/// The order matters where phrasings overlap: edits that name a task number come before the
/// catch-all "add ...", and "I need to ..." is tried last among the creates, after checking
/// whether what follows is itself a request ("I need to delete task 3").
/// </summary>
public static partial class IntentParser
{
    private const double Certain = 0.95;
    private const double Likely = 0.85;
    private const double Guess = 0.7;
    private const double Unsure = 0.5;
    private const double Lost = 0.1;

    // Longer than any request the phrasings describe; also keeps regex work on untrusted text bounded.
    private const int LongestRequest = 1000;

    private sealed record Rule(Regex Pattern, Func<Match, OfflineIntent?> Build);

    private static Rule Say(string pattern, Func<Match, OfflineIntent?> build) =>
        new(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), build);

    public static OfflineIntent Parse(string? message)
    {
        switch (ConfirmationReply.Parse(message))
        {
            case Confirmation.Yes:
                return OfflineIntent.Text(OfflineIntent.Confirm, Certain, Replies.NothingToConfirm);
            case Confirmation.No:
                return OfflineIntent.Text(OfflineIntent.Deny, Certain, Replies.NothingDeleted);
        }

        var text = Phrase.Clean(message);
        if (text.Length > LongestRequest)
        {
            return OfflineIntent.Text(OfflineIntent.Help, Lost, Replies.NotUnderstood);
        }

        var loose = Phrase.Loose(text);
        return ParseRequest(text) ?? ParseIntention(text) ?? Match(Questions, loose) ?? Match(SmallTalk, loose)
            ?? Match(WithoutNumber, loose) ?? OfflineIntent.Text(OfflineIntent.Help, Lost, Replies.NotUnderstood);
    }

    private static OfflineIntent? ParseRequest(string text) => Match(Requests, text);

    private static OfflineIntent? ParseIntention(string text)
    {
        foreach (var rule in Intentions)
        {
            var match = rule.Pattern.Match(text);
            if (!match.Success)
            {
                continue;
            }

            // "I need to delete task 3" is a delete, "I need to see my tasks" a list.
            var rest = Phrase.Clean(match.Groups["title"].Value);
            return ParseRequest(rest) ?? Match(Questions, Phrase.Loose(rest)) ?? rule.Build(match);
        }

        return null;
    }

    private static OfflineIntent? Match(IEnumerable<Rule> rules, string text)
    {
        foreach (var rule in rules)
        {
            var match = rule.Pattern.Match(text);
            if (match.Success && rule.Build(match) is { } intent)
            {
                return intent;
            }
        }

        return null;
    }

    private static Func<Match, OfflineIntent?> Create(double confidence) => match =>
    {
        var (title, description) = SplitDescription(match.Groups["title"].Value);
        if (Phrase.Title(title) is not { } cleanTitle)
        {
            return null;
        }

        return description is null
            ? OfflineIntent.Tool(ToolNames.AddTask, confidence, ("title", cleanTitle))
            : OfflineIntent.Tool(ToolNames.AddTask, confidence, ("title", cleanTitle), ("description", description));
    };

    private static Func<Match, OfflineIntent?> Update(double confidence) => match =>
    {
        if (Number(match) is not { } number)
        {
            return null;
        }

        if (match.Groups["description"].Success)
        {
            return Phrase.Description(match.Groups["description"].Value) is { } description
                ? OfflineIntent.Tool(ToolNames.UpdateTask, confidence, ("number", number), ("description", description))
                : null;
        }

        return Phrase.Title(match.Groups["title"].Value) is { } title
            ? OfflineIntent.Tool(ToolNames.UpdateTask, confidence, ("number", number), ("title", title))
            : null;
    };

    /// <summary>"Change task 3 to done" means the status, not a task called "Done".</summary>
    private static OfflineIntent? UpdateOrStatus(Match match)
    {
        var target = Phrase.Loose(Phrase.Clean(match.Groups["title"].Value));
        if (CompletedStatus().IsMatch(target))
        {
            return Complete(true, Likely)(match);
        }

        return OpenStatus().IsMatch(target) ? Complete(false, Likely)(match) : Update(Likely)(match);
    }

    private static Func<Match, OfflineIntent?> Complete(bool completed, double confidence) => match =>
        Number(match) is { } number
            ? OfflineIntent.Tool(ToolNames.CompleteTask, confidence, ("number", number), ("completed", completed))
            : null;

    private static Func<Match, OfflineIntent?> Delete(double confidence) => match =>
        Number(match) is { } number ? OfflineIntent.Tool(ToolNames.DeleteTask, confidence, ("number", number)) : null;

    private static Func<Match, OfflineIntent?> List(string status, double confidence) => _ =>
        OfflineIntent.Tool(ToolNames.ListTasks, confidence, ("status", status));

    private static Func<Match, OfflineIntent?> ListIfAboutTasks(double confidence, bool emptyMeansAll = false) => match =>
    {
        var rest = match.Groups["rest"].Value.Trim();
        if (rest.Length == 0 ? !emptyMeansAll : !AboutTasks().IsMatch(rest))
        {
            return null;
        }

        // The whole question decides the status: in "what tasks do I have left", "left" is outside the list words.
        var question = match.Value;
        var status = OpenWords().IsMatch(question) || StillOpen().IsMatch(question) ? "open"
            : CompletedWords().IsMatch(question) ? "completed"
            : "all";
        return OfflineIntent.Tool(ToolNames.ListTasks, confidence, ("status", status));
    };

    private static int? Number(Match match) =>
        match.Groups["number"].Success ? Phrase.Number(match.Groups["number"].Value) : null;

    private static (string Title, string? Description) SplitDescription(string text)
    {
        var match = WithDescription().Match(text);
        return match.Success
            ? (match.Groups["title"].Value, Phrase.Description(match.Groups["description"].Value))
            : (text, null);
    }

    [GeneratedRegex(@"^(?<title>.+?)(?:\s*[,;]\s*|\s+with\s+)(?:(?:a|the)\s+)?(?:description|details|notes?)\s*[:=\-]?\s*(?<description>.+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithDescription();

    [GeneratedRegex(@"\b(?:tasks?|list|to-?dos?|todo\s+list|everything|all|items|stuff|things|what\s+i\s+have|what\s+ive\s+done|done|completed|finished|open|pending|left|remaining)\b")]
    private static partial Regex AboutTasks();

    [GeneratedRegex(@"^(?:marked\s+)?(?:as\s+)?(?:done|complete|completed|finished|closed)$")]
    private static partial Regex CompletedStatus();

    [GeneratedRegex(@"^(?:marked\s+)?(?:as\s+)?(?:not\s+(?:yet\s+)?(?:done|complete|completed|finished)|open|incomplete|undone|unfinished|pending|active)$")]
    private static partial Regex OpenStatus();

    [GeneratedRegex(@"\b(?:completed|complete|done|finished|checked\s+off|ticked\s+off|closed|accomplished)\b")]
    private static partial Regex CompletedWords();

    [GeneratedRegex(@"\b(?:open|pending|left|remaining|incomplete|uncompleted|unfinished|outstanding|undone|active|current|not\s+(?:yet\s+)?(?:done|completed|complete|finished))\b")]
    private static partial Regex OpenWords();

    [GeneratedRegex(@"\b(?:still|to\s+do)\b(?!\s+list)")]
    private static partial Regex StillOpen();
}
