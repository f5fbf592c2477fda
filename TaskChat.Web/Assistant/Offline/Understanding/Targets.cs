using System.Text.RegularExpressions;

namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>
/// The tasks a phrase names: "task 3", "1, 3 and 4", "tasks 2 and 4", "it", "everything",
/// "the completed ones", "the report", "groceries and the dentist".
/// </summary>
public static partial class Targets
{
    /// <summary>The references, or null when the phrase names nothing a task could be.</summary>
    public static IReadOnlyList<TaskReference>? Parse(string phrase)
    {
        var text = Trailing().Replace(phrase.Trim().ToLowerInvariant().Replace("’", "'"), "").Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (It().IsMatch(text))
        {
            return [TaskReference.It];
        }

        if (Completed().IsMatch(text))
        {
            return [TaskReference.Completed];
        }

        if (All().IsMatch(text))
        {
            return [TaskReference.All];
        }

        var references = new List<TaskReference>();
        foreach (var part in Separator().Split(phrase.Trim()).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (Numbers(part) is { } numbers)
            {
                references.AddRange(numbers.Select(TaskReference.ByNumber));
            }
            else if (Meaningful(part) is { } words)
            {
                references.Add(TaskReference.ByWords(words));
            }
        }

        return references.Count > 0 ? references : null;
    }

    /// <summary>"task 3", "#3", "tasks 2, 4", "number three": only numbers, or null.</summary>
    public static IReadOnlyList<int>? Numbers(string text)
    {
        var tokens = NumberNoise().Replace(text.ToLowerInvariant(), " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
        {
            return null;
        }

        var numbers = new List<int>();
        foreach (var token in tokens)
        {
            if (Phrase.Number(token) is not { } number)
            {
                return null;
            }

            numbers.Add(number);
        }

        return numbers;
    }

    /// <summary>The words that say which task, without "the", "task" or "one"; null if none are left.</summary>
    private static string? Meaningful(string part)
    {
        var words = Spaces().Replace(Noise().Replace(" " + part.Trim() + " ", " "), " ").Trim();
        return words.Length == 0 || FunctionWords().IsMatch(words) ? null : words;
    }

    [GeneratedRegex(@"^(?:it|that|this|this one|that one|that task|this task|the last one|the one i just added|the last task|the new one|the one you just added|them|those|these)$")]
    private static partial Regex It();

    [GeneratedRegex(@"^(?:all\s+)?(?:of\s+)?(?:the\s+|my\s+)?(?:completed|done|finished|checked|ticked|closed)(?:\s+(?:ones|tasks|items|to-?dos|stuff|things))?$|^(?:everything|all|the tasks|tasks)\s+(?:that\s+(?:is|are|'s)\s+|i'?ve\s+|i\s+have\s+)(?:already\s+)?(?:done|completed|finished)$")]
    private static partial Regex Completed();

    [GeneratedRegex(@"^(?:everything|all|all of them|all of it|them all|the lot|every task|every single task|each task|all (?:of\s+)?(?:my|the)\s+(?:tasks|to-?dos|items|stuff|things)|all tasks|all items|all to-?dos|(?:my|the)\s+(?:whole|entire|full)\s+(?:list|to-?do list|task list)|(?:my|the)\s+(?:list|to-?do list|task list|tasks)|everything on (?:my|the) list|all my stuff|all the things|(?:the\s+)?whole (?:list|thing))$")]
    private static partial Regex All();

    // Between references: "1, 3 and 4", "groceries and the dentist", "2 & 5".
    [GeneratedRegex(@"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&|plus|as well as)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    [GeneratedRegex(@"\b(?:tasks?|items?|to-?dos?|numbers?|no\.?|nos\.?|the)\b|#", RegexOptions.IgnoreCase)]
    private static partial Regex NumberNoise();

    // Words around a task's name that do not name it: "the ... one", "my ... task", "on my list".
    [GeneratedRegex(@"(?<=\s)(?:the|a|an|my|our|task|tasks|one|ones|item|to-?do|thing|reminder|entry|on\s+my\s+list|from\s+my\s+list|on\s+the\s+list|please|for\s+me)(?=\s)", RegexOptions.IgnoreCase)]
    private static partial Regex Noise();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    // What is left of "mark as done" when "as" is taken for the task: no task at all.
    [GeneratedRegex(@"^(?:as|to|is|are|be|being|all|now|off|up|with|it's|its|of|for|on|in|and|or|(?:mark|set|make|flag|put)(?:\s+as)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex FunctionWords();

    [GeneratedRegex(@"[\s.!?,;:]+$|\s+(?:please|for me|now|already|as well|too)$")]
    private static partial Regex Trailing();
}
