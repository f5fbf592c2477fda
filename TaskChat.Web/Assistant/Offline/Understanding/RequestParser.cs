using System.Text.RegularExpressions;

namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>
/// Turns what a person typed into an <see cref="AssistantRequest"/>, without looking anything up:
/// the phrase tables in <see cref="PhraseBook"/> decide the intent, the targets are parsed into
/// <see cref="TaskReference"/>s and the fields come out of the words. "Today" is passed in (the
/// user's today, in their time zone) so that dates are computed where the user lives.
/// </summary>
public static partial class RequestParser
{
    // Longer than any request the phrasings describe; also keeps regex work on untrusted text bounded.
    private const int LongestRequest = 1000;

    public static AssistantRequest Parse(string? message, DateOnly today, ConversationContext? context = null)
    {
        context ??= ConversationContext.Empty;
        switch (ConfirmationReply.Parse(message))
        {
            // "delete it" answers a waiting deletion (the server carries it out) and otherwise deletes what "it" is.
            case Confirmation.Yes when DeleteWords().IsMatch(message!):
                return AssistantRequest.On(RequestIntent.Delete, [TaskReference.It]);
            case Confirmation.Yes:
                return AssistantRequest.Simple(RequestIntent.Confirm);
            case Confirmation.No:
                return AssistantRequest.Simple(RequestIntent.Deny);
        }

        var lines = (message ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length > 1 && lines.Sum(l => l.Length) <= LongestRequest)
        {
            var each = lines.Select(line => ParseLine(line, today, context)).ToList();
            if (each.All(r => r.Intent == RequestIntent.Add))
            {
                return AssistantRequest.Adding([.. each.SelectMany(r => r.NewTasks)]);
            }
        }

        return ParseLine(message, today, context);
    }

    private static AssistantRequest ParseLine(string? message, DateOnly today, ConversationContext context, bool inner = false)
    {
        var text = Typos.Fix(Phrase.Clean(message));
        if (text.Length == 0 || text.Length > LongestRequest)
        {
            return AssistantRequest.Simple(RequestIntent.Unknown);
        }

        // Small talk is recognized before the polite words around requests are trimmed: "thank you so much".
        return Choice(text, context)
            ?? Match(PhraseBook.Undo, text, today)
            ?? ChatIntent(Typos.Fix(message!.Trim()))
            ?? ChatIntent(text)
            ?? QueryWords.Parse(text, today)
            ?? Match(PhraseBook.Edits, text, today)
            ?? Match(PhraseBook.Adds.Where(p => p.Intent == RequestIntent.Add), text, today)
            ?? Match(PhraseBook.Reopen, text, today)
            ?? Match(PhraseBook.Complete, text, today)
            ?? Match(PhraseBook.Delete, text, today)
            ?? Match(PhraseBook.Adds.Where(p => p.Intent == RequestIntent.AddOrMove), text, today)
            ?? Intention(text, today, context)
            ?? (inner ? null : PastTense(text))
            ?? Incomplete(text)
            ?? AssistantRequest.Simple(RequestIntent.Unknown);
    }

    /// <summary>"I need to delete task 3" is a delete and "I need to see my tasks" a question; "I need to call mom" an add.</summary>
    private static AssistantRequest? Intention(string text, DateOnly today, ConversationContext context)
    {
        foreach (var phrasing in PhraseBook.Intentions)
        {
            var match = phrasing.Regex.Match(text);
            if (!match.Success)
            {
                continue;
            }

            var rest = match.Groups["title"].Value;
            var inner = ParseLine(rest, today, context, inner: true);
            if (inner.Intent is not (RequestIntent.Unknown or RequestIntent.Add or RequestIntent.Incomplete or RequestIntent.SmallTalk
                or RequestIntent.Greeting or RequestIntent.Thanks or RequestIntent.Help or RequestIntent.Undo))
            {
                return inner;
            }

            return Build(phrasing, match, today);
        }

        return null;
    }

    private static AssistantRequest? Match(IEnumerable<Phrasing> phrasings, string text, DateOnly today)
    {
        foreach (var phrasing in phrasings)
        {
            var match = phrasing.Regex.Match(text);
            if (match.Success && Build(phrasing, match, today) is { } request)
            {
                return request;
            }
        }

        return null;
    }

    private static AssistantRequest? Build(Phrasing phrasing, Match match, DateOnly today)
    {
        if (phrasing.Intent == RequestIntent.Undo)
        {
            return AssistantRequest.Simple(RequestIntent.Undo);
        }

        if (match.Groups["title"].Success)
        {
            return NewTasks(phrasing, match.Groups["title"].Value, today);
        }

        var targets = match.Groups["target"].Success ? Targets.Parse(match.Groups["target"].Value) : [TaskReference.It];
        if (targets is null)
        {
            return null;
        }

        // "finish the report by Friday, it's urgent" is a new task, not a completion: nobody completes by a date.
        if (phrasing.Slot == Slot.None && match.Groups["target"].Success && SaysWhenOrHowUrgent(match.Groups["target"].Value, today))
        {
            return NewTasks(phrasing with { Intent = RequestIntent.Add }, match.Value, today);
        }

        if (phrasing.Slot == Slot.None)
        {
            return AssistantRequest.On(phrasing.Intent, targets);
        }

        var fields = EditFields.For(phrasing.Slot, match.Groups["value"].Value, today);
        if (fields is null)
        {
            return null;
        }

        // "put the passport renewal on my home list" moves a task that exists, or adds one that does not.
        return phrasing.Intent == RequestIntent.AddOrMove && targets.All(t => t.Kind == ReferenceKind.Words)
            ? new AssistantRequest(RequestIntent.AddOrMove, targets, fields, TitleWords.NewTasks(match.Groups["target"].Value, today)
                .Select(t => t with { List = fields.List }).ToList())
            : AssistantRequest.On(RequestIntent.Update, targets, fields);
    }

    /// <summary>"2", "number 3", "the second one" after "which one?": the request that asked, now with its task.</summary>
    private static AssistantRequest? Choice(string text, ConversationContext context)
    {
        if (context.AwaitingChoice is not { } waiting)
        {
            return null;
        }

        var loose = text.ToLowerInvariant();
        if (Targets.Numbers(loose) is [var number])
        {
            return waiting with { Targets = [TaskReference.ByNumber(number)] };
        }

        var ordinal = OrdinalChoice().Match(loose);
        if (ordinal.Success && context.Offered is { Count: > 0 } offered)
        {
            var index = Array.IndexOf(Ordinals, ordinal.Groups["n"].Value);
            var pick = ordinal.Groups["n"].Value == "last" ? offered.Count - 1 : index % 5;
            return pick < offered.Count ? waiting with { Targets = [TaskReference.ByNumber(offered[pick])] } : null;
        }

        var named = NamedChoice().Match(loose);
        return named.Success ? waiting with { Targets = [TaskReference.ByWords(named.Groups["words"].Value)] } : null;
    }

    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "1st", "2nd", "3rd", "4th", "5th"];

    [GeneratedRegex(@"^(?:the\s+)?(?<n>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last)(?:\s+one)?$")]
    private static partial Regex OrdinalChoice();

    [GeneratedRegex(@"^(?:the\s+)?(?<words>.+?)\s+one$")]
    private static partial Regex NamedChoice();

    private static AssistantRequest? NewTasks(Phrasing phrasing, string words, DateOnly today)
    {
        if (NoTitle().IsMatch(words.Trim()))
        {
            return null;
        }

        // "put bin bags on the list" adds; "put the kettle on" is not a request about a list at all.
        if (phrasing.Intent == RequestIntent.AddOrMove && FieldWords.ExtractList(words).Remainder == words)
        {
            return null;
        }

        var tasks = TitleWords.NewTasks(words, today);
        return tasks.Count == 0 ? null : AssistantRequest.Adding(tasks);
    }

    private static bool SaysWhenOrHowUrgent(string words, DateOnly today) =>
        DateWords.Extract(words, today).Date is not null || FieldWords.ExtractPriority(words).Priority is not null;

    private static AssistantRequest? ChatIntent(string text)
    {
        var loose = EndPunctuation().Replace(text.ToLowerInvariant().Replace("’", "'"), "").Trim();
        foreach (var (intent, pattern) in Chat)
        {
            if (Regex.IsMatch(loose, "^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250)))
            {
                return AssistantRequest.Simple(intent);
            }
        }

        return null;
    }

    /// <summary>"I called the dentist", "paid the rent": a task done, if one by those words exists.</summary>
    private static AssistantRequest? PastTense(string text)
    {
        var match = PastTensePattern().Match(text);
        if (!match.Success || NotCompletion().IsMatch(match.Groups["verb"].Value))
        {
            return null;
        }

        return AssistantRequest.On(RequestIntent.Complete, [TaskReference.ByWords(match.Groups["words"].Value)]);
    }

    private static AssistantRequest? Incomplete(string text) =>
        IncompletePattern().IsMatch(text) ? AssistantRequest.Simple(RequestIntent.Incomplete) : null;

    [GeneratedRegex(@"[\s.!?,;:]+$")]
    private static partial Regex EndPunctuation();

    [GeneratedRegex(@"^\W*(?:delete|remove|get rid of)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DeleteWords();

    // "add a task", "create a new reminder": the verb without the task.
    [GeneratedRegex(@"^(?:(?:a|an|another|one|the|some)\s+)?(?:new\s+)?(?:task|to-?do|todo|item|reminder|entry|one)s?$", RegexOptions.IgnoreCase)]
    private static partial Regex NoTitle();

    [GeneratedRegex(@"^(?:i\s+(?:have\s+|'ve\s+|just\s+|already\s+|finally\s+)*)?(?<words>(?<verb>[a-z]+ed|paid|bought|sent|wrote|made|took|got|went|rang|met|ran|read|sold|fed|gave|found|told|built|brought|caught|drove|swept|hung|lent|left|spoke|saw|did)\s+.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PastTensePattern();

    [GeneratedRegex(@"^(?:need|feed|seed|speed|breed|bleed|proceed|succeed|exceed|bed|red|shed|wed|led|fed|wanted|needed|started|tried|forgot|used|planned|decided|hoped|liked|loved|hated|added|created|asked|wondered|missed|noticed|realized|realised|meant|figured|guessed|expected|supposed|failed|deleted|removed|renamed|named|titled)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotCompletion();

    [GeneratedRegex(@"^(?:delete|remove|erase|trash|get rid of|mark|complete|finish|check off|tick off|cross off|rename|change|update|edit|modify|reopen|uncheck|move|postpone|reschedule|add|create|new|remind)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IncompletePattern();
}
