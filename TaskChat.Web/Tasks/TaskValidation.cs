
namespace TaskChat.Web.Tasks;

internal static class TaskValidation
{
    public static Dictionary<string, string[]> ForCreate(string? title, string? description)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(title))
        {
            errors["title"] = ["A title is required."];
        }

        AddLengthErrors(errors, title, description);
        return errors;
    }

    public static Dictionary<string, string[]> ForUpdate(string? title, string? description)
    {
        var errors = new Dictionary<string, string[]>();
        if (title is not null && string.IsNullOrWhiteSpace(title))
        {
            errors["title"] = ["The title cannot be empty."];
        }

        AddLengthErrors(errors, title, description);
        return errors;
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
}
