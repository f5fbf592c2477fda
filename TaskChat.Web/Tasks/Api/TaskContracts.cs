using System.Text.Json.Serialization;

namespace TaskChat.Web.Tasks.Api;

// The wire shapes of the tasks API (snake_case on the wire).

public sealed record TaskDto(
    int Number,
    string Title,
    string? Description,
    bool IsCompleted,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? CompletedAt,
    DateOnly? DueDate,
    TaskPriority Priority,
    string? List)
{
    public static TaskDto From(TaskItem task) => new(
        task.Number, task.Title, task.Description, task.IsCompleted, task.CreatedAt, task.UpdatedAt, task.CompletedAt,
        task.DueDate, task.Priority, task.List);
}

/// <summary>Dates and priorities arrive as text so that a bad one is a 400 that names the field, not a JSON error.</summary>
public sealed record CreateTaskRequest(string? Title, string? Description, string? DueDate = null, string? Priority = null, string? List = null)
{
    public TaskInput ToInput() => new(Title, Description, DueDate, Priority, List);
}

/// <summary>
/// A PATCH body. <c>"due_date": null</c> clears the due date and <c>"list": null</c> the list, while
/// leaving them out changes nothing, so those two remember whether they were sent at all.
/// </summary>
public sealed class UpdateTaskRequest
{
    private string? dueDate;
    private string? list;

    public string? Title { get; set; }
    public string? Description { get; set; }
    public bool? IsCompleted { get; set; }
    public string? Priority { get; set; }

    public string? DueDate
    {
        get => dueDate;
        set => (dueDate, SetsDueDate) = (value, true);
    }

    public string? List
    {
        get => list;
        set => (list, SetsList) = (value, true);
    }

    [JsonIgnore]
    public bool SetsDueDate { get; private set; }

    [JsonIgnore]
    public bool SetsList { get; private set; }

    public TaskChanges ToChanges() => new()
    {
        Title = Title,
        Description = Description,
        IsCompleted = IsCompleted,
        Priority = Priority,
        SetsDueDate = SetsDueDate,
        DueDate = DueDate,
        SetsList = SetsList,
        List = List,
    };
}

public sealed record TaskListDto(string Name, int OpenCount);
