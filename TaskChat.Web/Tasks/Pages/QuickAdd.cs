using System.Text.RegularExpressions;

namespace TaskChat.Web.Tasks.Pages;

/// <summary>
/// Shortcuts typed in the add box: <c>!high</c> or <c>!low</c>, <c>#List</c>, and <c>today</c>,
/// <c>tomorrow</c> as the last word. "Buy milk #Shopping tomorrow !high" is "Buy milk" on
/// Shopping, due tomorrow, high priority. Fields the person chose in the form win over shortcuts.
/// </summary>
public static partial class QuickAdd
{
    public static TaskInput Parse(string? title, string? description, string? dueDate, string? priority, string? list, DateOnly today)
    {
        var text = title ?? "";
        string? typedPriority = null;
        string? typedList = null;
        string? typedDate = null;

        text = PriorityMark().Replace(text, m => { typedPriority = m.Groups[1].Value.ToLowerInvariant(); return " "; });
        text = ListMark().Replace(text, m => { typedList ??= m.Groups[1].Value; return " "; });
        var when = TrailingDay().Match(text);
        if (when.Success && text[..when.Index].Trim().Length > 0)
        {
            typedDate = DueDates.Iso(when.Groups[1].Value.Equals("today", StringComparison.OrdinalIgnoreCase) ? today : today.AddDays(1));
            text = text[..when.Index];
        }

        return new TaskInput(
            Spaces().Replace(text, " ").Trim(),
            description,
            Blank(dueDate) ?? typedDate,
            Blank(priority) is { } chosen && chosen != "normal" ? chosen : typedPriority ?? Blank(priority),
            Blank(list) ?? typedList);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [GeneratedRegex(@"(?<=^|\s)!(high|low)(?=\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex PriorityMark();

    [GeneratedRegex(@"(?<=^|\s)#([\p{L}\p{N}_-]{1,50})(?=\s|$)")]
    private static partial Regex ListMark();

    [GeneratedRegex(@"\s(today|tomorrow)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingDay();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
