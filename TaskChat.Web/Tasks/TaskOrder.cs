namespace TaskChat.Web.Tasks;

/// <summary>The order people read a to-do list in: soonest due first (undated last), then high priority first, then by number.</summary>
public static class TaskOrder
{
    public static List<TaskItem> Sort(IEnumerable<TaskItem> tasks) =>
        tasks.OrderBy(t => t.DueDate is null)
            .ThenBy(t => t.DueDate)
            .ThenByDescending(t => t.Priority)
            .ThenBy(t => t.Number)
            .ToList();
}
