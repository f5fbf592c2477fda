using System.Globalization;

namespace TaskChat.Web.Tasks;

/// <summary>
/// Checks a task's fields and turns the text forms into values. Errors are keyed by the wire's
/// field names, so a 400 ProblemDetails names the field the caller got wrong.
/// </summary>
internal static class TaskValidation
{
    public static Dictionary<string, string[]> ForCreate(TaskInput input, out ParsedFields fields)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors["title"] = ["A title is required."];
        }

        AddLengthErrors(errors, input.Title, input.Description);
        fields = new ParsedFields(
            ParseDueDate(input.DueDate, errors),
            ParsePriority(input.Priority, errors) ?? TaskPriority.Normal,
            ParseList(input.List, errors));
        return errors;
    }

    public static Dictionary<string, string[]> ForUpdate(TaskChanges changes, out ParsedFields fields)
    {
        var errors = new Dictionary<string, string[]>();
        if (changes.Title is not null && string.IsNullOrWhiteSpace(changes.Title))
        {
            errors["title"] = ["The title cannot be empty."];
        }

        AddLengthErrors(errors, changes.Title, changes.Description);
        fields = new ParsedFields(
            changes.SetsDueDate ? ParseDueDate(changes.DueDate, errors) : null,
            ParsePriority(changes.Priority, errors),
            changes.SetsList ? ParseList(changes.List, errors) : null);
        return errors;
    }

    /// <summary>A calendar date in exactly the wire's form; "2026-02-30" and "12/01/2026" are refused.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), TaskRules.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryParsePriority(string? text, out TaskPriority priority)
    {
        priority = TaskPriority.Normal;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "low":
                priority = TaskPriority.Low;
                return true;
            case "normal":
                return true;
            case "high":
                priority = TaskPriority.High;
                return true;
            default:
                return false;
        }
    }

    private static DateOnly? ParseDueDate(string? text, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (TryParseDate(text, out var date))
        {
            return date;
        }

        errors["due_date"] = [$"The due date must be a real calendar date written YYYY-MM-DD, e.g. 2026-12-04; \"{Shorten(text)}\" is not."];
        return null;
    }

    private static TaskPriority? ParsePriority(string? text, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (TryParsePriority(text, out var priority))
        {
            return priority;
        }

        errors["priority"] = [$"The priority must be low, normal or high; \"{Shorten(text)}\" is not."];
        return null;
    }

    private static string? ParseList(string? text, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        var name = text.Trim();
        if (name.Length is 0 or > TaskRules.ListMaxLength)
        {
            errors["list"] = [$"A list name must be 1 to {TaskRules.ListMaxLength} characters."];
            return null;
        }

        return name;
    }

    private static void AddLengthErrors(Dictionary<string, string[]> errors, string? title, string? description)
    {
        if (title is not null && title.Trim().Length > TaskRules.TitleMaxLength)
        {
            errors["title"] = [$"The title can be at most {TaskRules.TitleMaxLength} characters."];
        }

        if (description is not null && description.Trim().Length > TaskRules.DescriptionMaxLength)
        {
            errors["description"] = [$"The description can be at most {TaskRules.DescriptionMaxLength} characters."];
        }
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}

/// <summary>The due date, priority and list of a create or update, parsed (null where not given).</summary>
internal sealed record ParsedFields(DateOnly? DueDate, TaskPriority? Priority, string? List);
