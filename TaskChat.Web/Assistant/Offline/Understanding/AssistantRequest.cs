namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>
/// What the parser understood, before anything is looked up or changed: the intent, the tasks it
/// names, the fields it sets (<see cref="Fields"/> for an edit, <see cref="NewTasks"/> for adds)
/// and, for questions, which tasks are asked about.
/// </summary>
public sealed record AssistantRequest(
    RequestIntent Intent,
    IReadOnlyList<TaskReference> Targets,
    TaskFields Fields,
    IReadOnlyList<TaskFields> NewTasks,
    ListQuery? Query = null)
{
    public static AssistantRequest Simple(RequestIntent intent) => new(intent, [], TaskFields.None, []);

    public static AssistantRequest Adding(IReadOnlyList<TaskFields> tasks) => new(RequestIntent.Add, [], TaskFields.None, tasks);

    public static AssistantRequest On(RequestIntent intent, IReadOnlyList<TaskReference> targets, TaskFields? fields = null) =>
        new(intent, targets, fields ?? TaskFields.None, []);

    public static AssistantRequest Asking(RequestIntent intent, ListQuery query) => new(intent, [], TaskFields.None, [], query);

    /// <summary>How sure the parser is, reported as the turn's confidence.</summary>
    public double Confidence => Intent switch
    {
        RequestIntent.Unknown => 0.1,
        RequestIntent.Incomplete => 0.5,
        RequestIntent.AddOrMove => 0.8,
        _ => 0.9,
    };

    /// <summary>A compact form for tests: "complete #1,#3" or "add [title=Eggs | title=Milk]".</summary>
    public override string ToString()
    {
        var text = Intent.ToString().ToLowerInvariant();
        if (Targets.Count > 0)
        {
            text += " " + string.Join(",", Targets);
        }

        if (!Fields.IsEmpty)
        {
            text += " {" + Fields + "}";
        }

        if (NewTasks.Count > 0)
        {
            text += " [" + string.Join(" | ", NewTasks) + "]";
        }

        if (Query is not null)
        {
            text += " (" + Query + ")";
        }

        return text;
    }
}
