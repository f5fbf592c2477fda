using System.Text.RegularExpressions;

namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>
/// Questions about the list: "what's due today?", "anything overdue?", "what's on my work list",
/// "what did I finish", "how many tasks do I have". A question is recognized by how it starts
/// (<see cref="Starts"/>) and what it is about (<see cref="AboutTasks"/>); its filters come from
/// the words in it.
/// </summary>
public static partial class QueryWords
{
    /// <summary>The request a question is, or null when the text is not a question about tasks.</summary>
    public static AssistantRequest? Parse(string text, DateOnly today)
    {
        var loose = text.ToLowerInvariant().Replace("’", "'");
        // "todo: call mom" is a new task; "tasks 3 and 4 are done" says something rather than asks.
        if (Labelled().IsMatch(loose) || (Statement().IsMatch(loose) && !Interrogative().IsMatch(loose)))
        {
            return null;
        }

        var asks = Starts().IsMatch(loose) || BareList().IsMatch(loose);
        if (!asks || (!AboutTasks().IsMatch(loose) && !BareList().IsMatch(loose)))
        {
            return null;
        }

        var query = Filters(loose, today);
        return AssistantRequest.Asking(HowMany().IsMatch(loose) ? RequestIntent.Count : RequestIntent.List, query);
    }

    private static ListQuery Filters(string text, DateOnly today)
    {
        var (from, to) = DueRange(text, today);
        var overdue = Overdue().IsMatch(text);
        var priority = HighPriority().IsMatch(text) ? "high" : LowPriority().IsMatch(text) ? "low" : null;
        var list = ListName(text);
        var status = Done().IsMatch(text) ? "done"
            : Open().IsMatch(text) || overdue || from is not null || priority is not null ? "open"
            : "all";
        return new ListQuery(status, from, to, overdue, list, priority);
    }

    private static (DateOnly? From, DateOnly? To) DueRange(string text, DateOnly today)
    {
        if (ThisWeek().IsMatch(text))
        {
            return (today, today.AddDays(6));
        }

        if (NextWeek().IsMatch(text))
        {
            var monday = DateWords.NextMonday(today);
            return (monday, monday.AddDays(6));
        }

        if (Weekend().IsMatch(text))
        {
            var saturday = DateWords.ThisWeekend(today);
            return (saturday, saturday.DayOfWeek == DayOfWeek.Saturday ? saturday.AddDays(1) : saturday);
        }

        // "due today", "for tomorrow", "on friday": one day. "today" in "what did I finish today" is not a due date.
        var (date, _) = DateWords.Extract(text, today);
        return date is { } day && !Done().IsMatch(text) ? (day, day) : (null, null);
    }

    /// <summary>"my work list", "the shopping list", "work tasks", "on Work": the list asked about.</summary>
    private static string? ListName(string text)
    {
        var named = NamedList().Match(text);
        if (named.Success && FieldWords.ListName(named.Groups["list"].Value) is { } name && !NotAList().IsMatch(named.Groups["list"].Value))
        {
            return name;
        }

        var kind = ListKind().Match(text);
        return kind.Success && !NotAList().IsMatch(kind.Groups["list"].Value) ? FieldWords.ListName(kind.Groups["list"].Value) : null;
    }

    [GeneratedRegex(@"^(?:what|what's|whats|what is|what are|what do|what have|what did|what else|which|show|list|display|view|see|how many|how much|any|anything|is there|are there|do i have|have i|did i|tell me|give me|read|lemme see|let me see|can i see|i want to see|i'd like to see|get me|pull up|bring up|where|when|whats up with|my|all|open|today'?s|overdue|upcoming|tasks)\b")]
    private static partial Regex Starts();

    [GeneratedRegex(@"^[\p{L}\-]+\s*:")]
    private static partial Regex Labelled();

    [GeneratedRegex(@"\b(?:is|are|was|were|got|been)\s+(?:all\s+|now\s+)?(?:done|finished|complete|completed)$|\b(?:done|finished|complete)\s*$")]
    private static partial Regex Statement();

    [GeneratedRegex(@"^(?:what|which|how|any|anything|is there|are there|do i|did i|have i|show|list)\b")]
    private static partial Regex Interrogative();

    [GeneratedRegex(@"^(?:(?:my|all|all my|the|show)\s+)?(?:(?:open|pending|completed|done|finished|remaining|current|overdue|upcoming|today'?s|urgent)\s+)?(?:tasks?|to-?dos?|to-?do list|todo list|task list|list|stuff)(?:\s+(?:(?:for|due)\s+)?(?:today|tomorrow|this week))?$")]
    private static partial Regex BareList();

    [GeneratedRegex(@"\b(?:do i have|have i got|tasks?|to-?dos?|list|todo|left|remaining|due|overdue|late|done|finished|finish|completed|complete|open|pending|plate|agenda|everything|all|things|stuff|items|to do|need to do|have to do|got to do|priority|urgent|important|upcoming|coming up|outstanding|schedule|next|accomplished|did i|have i)\b")]
    private static partial Regex AboutTasks();

    [GeneratedRegex(@"\bhow many\b|\bhow much\b|\bnumber of\b|\bcount\b")]
    private static partial Regex HowMany();

    [GeneratedRegex(@"\b(?:overdue|late|past due|behind|missed|slipped)\b")]
    private static partial Regex Overdue();

    [GeneratedRegex(@"\b(?:done|finished|finish|completed|complete|accomplished|checked off|ticked off|closed|did i (?:do|get done))\b(?!\s+(?:yet|still))")]
    private static partial Regex Done();

    [GeneratedRegex(@"\b(?:left|remaining|open|pending|outstanding|to do|todo|need to do|have to do|got to do|not done|unfinished|incomplete|still|next|upcoming|coming up|due|plate)\b")]
    private static partial Regex Open();

    [GeneratedRegex(@"\b(?:this|the|coming)\s+week\b|\bnext\s+(?:7|seven)\s+days\b|\bnext few days\b|\bcoming up\b|\bupcoming\b|\bweek ahead\b")]
    private static partial Regex ThisWeek();

    [GeneratedRegex(@"\bnext\s+week\b")]
    private static partial Regex NextWeek();

    [GeneratedRegex(@"\b(?:this\s+|the\s+)?weekend\b")]
    private static partial Regex Weekend();

    [GeneratedRegex(@"\b(?:high|top)[\s-]*priority\b|\burgent\b|\bimportant\b|\bcritical\b|\basap\b")]
    private static partial Regex HighPriority();

    [GeneratedRegex(@"\blow[\s-]*priority\b|\bnot urgent\b")]
    private static partial Regex LowPriority();

    [GeneratedRegex(@"\b(?:my|the|on|in)\s+(?<list>[\p{L}\p{N}][\p{L}\p{N}'\-]*)\s+list\b")]
    private static partial Regex NamedList();

    [GeneratedRegex(@"\b(?:my|the|any|all)\s+(?<list>[\p{L}\p{N}][\p{L}\p{N}'\-]*)\s+(?:tasks|to-?dos|stuff|things|items)\b")]
    private static partial Regex ListKind();

    // Words before "tasks" or "list" that describe the tasks rather than name a list.
    [GeneratedRegex(@"^(?:to-?do|todo|task|open|pending|completed|done|finished|remaining|current|overdue|upcoming|other|urgent|important|old|new|whole|entire|full|today'?s|tomorrow'?s|high|low|priority|active|outstanding|unfinished|incomplete|all|main|own|the|my)$")]
    private static partial Regex NotAList();
}
