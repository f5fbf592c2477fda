using System.Text.RegularExpressions;

namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>What the <c>{value}</c> of an edit phrasing sets, read according to its <see cref="Slot"/>.</summary>
public static partial class EditFields
{
    /// <summary>The fields, or null when the words are not what the slot needs (the next phrasing is tried).</summary>
    public static TaskFields? For(Slot slot, string value, DateOnly today)
    {
        var words = value.Trim();
        return slot switch
        {
            Slot.Title => TitleWords.Title(words) is { } title && !State().IsMatch(words) ? new TaskFields(Title: title) : null,
            Slot.Description => words.Length > 0 ? new TaskFields(Description: words.Trim('"', '\'', '“', '”')) : null,
            Slot.Due => Due(words, today),
            Slot.Shift => Shift(words),
            Slot.Priority => FieldWords.WholePriority(words) is { } priority ? new TaskFields(Priority: priority) : null,
            Slot.List => FieldWords.ListName(words) is { } list ? new TaskFields(List: list) : null,
            Slot.ClearList => FieldWords.ListName(words) is not null ? new TaskFields(ClearList: true) : null,
            Slot.ClearDue => new TaskFields(ClearDueDate: true),
            Slot.Any => Due(words, today) ?? ListOrPriority(words),
            _ => null,
        };
    }

    private static TaskFields? Due(string words, DateOnly today)
    {
        if (NoDate().IsMatch(words))
        {
            return new TaskFields(ClearDueDate: true);
        }

        return DateWords.Whole(words, today) is { } date ? new TaskFields(DueDate: date) : null;
    }

    private static TaskFields? ListOrPriority(string words) =>
        FieldWords.WholeList(words) is { } list ? new TaskFields(List: list)
        : FieldWords.WholePriority(words) is { } priority ? new TaskFields(Priority: priority)
        : null;

    /// <summary>"a week", "2 days", "three weeks": how far to move a due date.</summary>
    private static TaskFields? Shift(string words)
    {
        var match = Amount().Match(words);
        var count = match.Groups["n"].Success ? DateWords.Count(match.Groups["n"].Value) : 1;
        if (!match.Success || count is null)
        {
            return null;
        }

        var days = match.Groups["unit"].Value.StartsWith("week", StringComparison.OrdinalIgnoreCase) ? 7 * count.Value : count.Value;
        return new TaskFields(ShiftDays: days);
    }

    [GeneratedRegex(@"^(?:(?<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|a\s+couple\s+of|a\s+few)\s+)?(?<unit>days?|weeks?)$|^(?:a|one|another)\s+(?<unit>day|week)$", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    // "change task 5 to incomplete" is about whether it is done, which the reopen and complete phrasings handle.
    [GeneratedRegex(@"^(?:marked\s+)?(?:as\s+)?(?:not\s+(?:yet\s+)?)?(?:done|complete|completed|finished|closed|incomplete|undone|unfinished|open|pending|active|uncompleted)$", RegexOptions.IgnoreCase)]
    private static partial Regex State();

    [GeneratedRegex(@"^(?:no\s+(?:date|due\s+date|deadline)|nothing|none|never|no\s+due|not\s+due|someday)$", RegexOptions.IgnoreCase)]
    private static partial Regex NoDate();
}
