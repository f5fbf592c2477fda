using System.Globalization;
using Microsoft.Extensions.AI;
using TaskChat.Web.Assistant.Offline.Understanding;

namespace TaskChat.Web.Assistant.Offline.Acting;

/// <summary>The calls the offline assistant makes, with the arguments a model would send.</summary>
public static class ToolCalls
{
    public static FunctionCallContent Add(TaskFields task)
    {
        var arguments = new List<(string, object?)> { ("title", task.Title) };
        AddIfSet(arguments, "description", task.Description);
        AddIfSet(arguments, "due_date", Date(task.DueDate));
        AddIfSet(arguments, "priority", task.Priority);
        AddIfSet(arguments, "list", task.List);
        return OfflineTools.Call(OfflineTools.AddTask, [.. arguments]);
    }

    /// <summary>The filters list_tasks takes itself; the rest (a day other than today, priority) the reply applies.</summary>
    public static FunctionCallContent List(ListQuery query, DateOnly today)
    {
        var arguments = new List<(string, object?)> { ("status", query.Status) };
        var due = query.Overdue ? "overdue" : query.From == today && query.To == today ? "today" : null;
        AddIfSet(arguments, "due", due);
        AddIfSet(arguments, "list", query.List);
        return OfflineTools.Call(OfflineTools.ListTasks, [.. arguments]);
    }

    public static FunctionCallContent Find(string words) => OfflineTools.Call(OfflineTools.FindTasks, ("query", words));

    public static FunctionCallContent ListAll(string status = "all") => OfflineTools.Call(OfflineTools.ListTasks, ("status", status));

    public static IEnumerable<FunctionCallContent> Complete(IReadOnlyList<int> numbers, OfflineTools tools) =>
        tools.Has(OfflineTools.CompleteTasks)
            ? [OfflineTools.Call(OfflineTools.CompleteTasks, ("numbers", numbers.ToArray()))]
            : numbers.Select(n => OfflineTools.Call(OfflineTools.CompleteTask, ("number", n), ("completed", true)));

    public static IEnumerable<FunctionCallContent> Reopen(IReadOnlyList<int> numbers, OfflineTools tools) =>
        tools.Has(OfflineTools.CompleteTasks) || !tools.Has(OfflineTools.CompleteTask)
            ? numbers.Select(n => OfflineTools.Call(OfflineTools.UpdateTask, ("number", n), ("is_completed", false)))
            : numbers.Select(n => OfflineTools.Call(OfflineTools.CompleteTask, ("number", n), ("completed", false)));

    public static IEnumerable<FunctionCallContent> Delete(IReadOnlyList<int> numbers, OfflineTools tools) =>
        tools.Has(OfflineTools.DeleteTasks)
            ? [OfflineTools.Call(OfflineTools.DeleteTasks, ("numbers", numbers.ToArray()))]
            : numbers.Take(1).Select(n => OfflineTools.Call(OfflineTools.DeleteTask, ("number", n)));

    /// <summary>An edit; <paramref name="current"/> is the task as last seen, for "by a week".</summary>
    public static FunctionCallContent Update(int number, TaskFields fields, SeenTask? current, DateOnly today)
    {
        var arguments = new List<(string, object?)> { ("number", number) };
        AddIfSet(arguments, "title", fields.Title);
        AddIfSet(arguments, "description", fields.Description);
        if (fields.ClearDueDate)
        {
            arguments.Add(("due_date", null));
        }
        else if (fields.ShiftDays is { } days)
        {
            arguments.Add(("due_date", Date((current?.DueDate ?? today).AddDays(days))));
        }
        else
        {
            AddIfSet(arguments, "due_date", Date(fields.DueDate));
        }

        AddIfSet(arguments, "priority", fields.Priority);
        if (fields.ClearList)
        {
            arguments.Add(("list", null));
        }
        else
        {
            AddIfSet(arguments, "list", fields.List);
        }

        return OfflineTools.Call(OfflineTools.UpdateTask, [.. arguments]);
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void AddIfSet(List<(string, object?)> arguments, string name, object? value)
    {
        if (value is not null)
        {
            arguments.Add((name, value));
        }
    }
}
