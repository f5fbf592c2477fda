
namespace TaskChat.Web.Tasks;

// The wire shapes of the tasks API (snake_case on the wire).

public sealed record TaskDto(
    int Number,
    string Title,
    string? Description,
    bool IsCompleted,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? CompletedAt)
{
    public static TaskDto From(TaskItem task) => new(
        task.Number, task.Title, task.Description, task.IsCompleted, task.CreatedAt, task.UpdatedAt, task.CompletedAt);
}

public sealed record CreateTaskRequest(string? Title, string? Description);

public sealed record UpdateTaskRequest(string? Title, string? Description, bool? IsCompleted);
