using System.Text.Json;
using System.Text.RegularExpressions;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Tests.Assistant.HeldOut;

/// <summary>Compares what a held-out request left behind with what its line expects; null when it matches.</summary>
public static class HeldOutCheck
{
    public static string? Problem(
        HeldOutCase heldOut, List<TaskJson> before, List<TaskJson> after, string reply, List<ToolCallDto> calls, DateOnly today, string[] titles)
    {
        var added = after.Where(t => before.All(b => b.Number != t.Number)).ToList();
        var kept = before.Where(b => after.Any(a => a.Number == b.Number)).ToList();
        switch (heldOut.Kind)
        {
            case "add":
                return Unchanged(before, after, except: []) ?? Added(heldOut, added, today);
            case "complete" or "reopen":
                var numbers = heldOut.Numbers();
                var state = heldOut.Kind == "complete";
                return NoneAdded(added) ?? Unchanged(before, after, except: numbers)
                    ?? numbers.Select(n => Find(after, n) is { } t && t.IsCompleted == state ? null : $"task {n} is not {(state ? "done" : "open")}").FirstOrDefault(p => p is not null)
                    ?? numbers.Select(n => SameExceptDone(Find(before, n)!, Find(after, n)!)).FirstOrDefault(p => p is not null);
            case "update":
                return NoneAdded(added) ?? Updated(heldOut, before, after, today);
            case "propose":
                return NoneAdded(added) ?? Unchanged(before, after, except: []) ?? Proposed(heldOut.Numbers(), calls);
            case "deleted":
                var gone = before.Where(b => after.All(a => a.Number != b.Number)).Select(b => b.Number).Order();
                return gone.SequenceEqual(heldOut.Numbers().Order()) ? NoneAdded(added) : $"deleted [{string.Join(",", gone)}]";
            case "shows":
                return NoneAdded(added) ?? Unchanged(before, after, except: []) ?? Shows(heldOut, reply, titles);
            case "says":
                return NoneAdded(added) ?? Unchanged(before, after, except: [])
                    ?? (Regex.IsMatch(reply, $@"\b{heldOut.Arguments.Trim()}\b") ? null : $"the reply does not say {heldOut.Arguments}: {Short(reply)}");
            case "chat":
                return NoneAdded(added) ?? Unchanged(before, after, except: [])
                    ?? (calls.Count == 0 ? null : $"called {string.Join(", ", calls.Select(c => c.Name))}");
            case "nochange":
                return NoneAdded(added) ?? Unchanged(before, after, except: []) ?? (kept.Count == before.Count ? null : "a task is gone");
            default:
                throw new FormatException($"Line {heldOut.Line}: unknown expectation {heldOut.Kind}.");
        }
    }

    private static string? Added(HeldOutCase heldOut, List<TaskJson> added, DateOnly today)
    {
        var expected = heldOut.NewTasks();
        if (added.Count != expected.Count)
        {
            return $"added {added.Count} tasks ({string.Join(" | ", added.Select(Describe))}), expected {expected.Count}";
        }

        foreach (var (title, fields) in expected)
        {
            var task = added.FirstOrDefault(t => string.Equals(t.Title.TrimEnd('.', '!'), title, StringComparison.OrdinalIgnoreCase));
            if (task is null)
            {
                return $"no new task titled \"{title}\" ({string.Join(" | ", added.Select(Describe))})";
            }

            if (FieldProblem(task, fields, today, defaults: true) is { } problem)
            {
                return $"\"{title}\": {problem}";
            }
        }

        return null;
    }

    private static string? Updated(HeldOutCase heldOut, List<TaskJson> before, List<TaskJson> after, DateOnly today)
    {
        var number = heldOut.Numbers()[0];
        if (Find(after, number) is not { } task)
        {
            return $"task {number} is gone";
        }

        var fields = HeldOutCase.Fields(heldOut.Arguments);
        var old = Find(before, number)!;
        var expected = old with
        {
            Title = fields.GetValueOrDefault("title") ?? old.Title,
            DueDate = fields.ContainsKey("due") ? task.DueDate : old.DueDate,
            Priority = fields.ContainsKey("priority") ? task.Priority : old.Priority,
            List = fields.ContainsKey("list") ? task.List : old.List,
        };
        return Unchanged(before, after, except: [number])
            ?? FieldProblem(task, fields, today, defaults: false)
            ?? (Same(expected, task) ? null : $"task {number} became {Describe(task)}");
    }

    private static string? FieldProblem(TaskJson task, Dictionary<string, string> fields, DateOnly today, bool defaults)
    {
        var dates = fields.TryGetValue("due", out var due) ? HeldOutCase.Dates(due, today) : defaults ? [null] : null;
        if (dates is not null && !dates.Contains(task.DueDate))
        {
            return $"due {task.DueDate ?? "none"}, expected {string.Join(" or ", dates.Select(d => d ?? "none"))}";
        }

        var priorities = fields.TryGetValue("priority", out var priority) ? priority.Split('/') : defaults ? ["normal"] : null;
        if (priorities is not null && !priorities.Contains(task.Priority))
        {
            return $"priority {task.Priority}, expected {string.Join(" or ", priorities)}";
        }

        var list = fields.TryGetValue("list", out var named) ? named : defaults ? null : "(any)";
        if (list != "(any)" && !string.Equals(task.List, list, StringComparison.OrdinalIgnoreCase))
        {
            return $"list {task.List ?? "none"}, expected {list ?? "none"}";
        }

        if (fields.TryGetValue("title", out var title) && !string.Equals(task.Title, title, StringComparison.OrdinalIgnoreCase))
        {
            return $"title \"{task.Title}\", expected \"{title}\"";
        }

        return null;
    }

    private static string? Proposed(IReadOnlyList<int> numbers, List<ToolCallDto> calls)
    {
        var proposal = calls.LastOrDefault(c => c.Name is "delete_tasks" or "delete_task");
        if (proposal is null || proposal.Status != ToolCallStatus.NeedsConfirmation)
        {
            return proposal is null ? "no deletion was proposed" : $"the proposal is {proposal.Status}";
        }

        var proposed = proposal.Arguments.TryGetProperty("numbers", out var many)
            ? many.EnumerateArray().Select(n => n.ValueKind == JsonValueKind.String ? int.Parse(n.GetString()!) : n.GetInt32()).ToList()
            : [proposal.Arguments.GetProperty("number").GetInt32()];
        return proposed.Order().SequenceEqual(numbers.Order()) ? null : $"proposed [{string.Join(",", proposed)}]";
    }

    private static string? Shows(HeldOutCase heldOut, string reply, string[] titles)
    {
        var expected = heldOut.Numbers();
        var optional = heldOut.Optional();
        var named = Enumerable.Range(1, titles.Length).Where(n => reply.Contains(titles[n - 1], StringComparison.OrdinalIgnoreCase)).ToList();
        var missing = expected.Except(named).ToList();
        var extra = named.Except(expected).Except(optional).ToList();
        return missing.Count == 0 && extra.Count == 0 ? null : $"named [{string.Join(",", named)}]: {Short(reply)}";
    }

    private static string? Unchanged(List<TaskJson> before, List<TaskJson> after, IReadOnlyList<int> except)
    {
        foreach (var old in before.Where(b => !except.Contains(b.Number)))
        {
            if (Find(after, old.Number) is not { } now)
            {
                return $"task {old.Number} is gone";
            }

            if (!Same(old, now))
            {
                return $"task {old.Number} changed to {Describe(now)}";
            }
        }

        return null;
    }

    private static string? NoneAdded(List<TaskJson> added) =>
        added.Count == 0 ? null : $"added {string.Join(" | ", added.Select(Describe))}";

    private static string? SameExceptDone(TaskJson old, TaskJson now) =>
        Same(old with { IsCompleted = now.IsCompleted }, now) ? null : $"task {now.Number} changed to {Describe(now)}";

    private static bool Same(TaskJson a, TaskJson b) =>
        (a.Title, a.IsCompleted, a.DueDate, a.Priority, a.List) == (b.Title, b.IsCompleted, b.DueDate, b.Priority, b.List);

    private static TaskJson? Find(List<TaskJson> tasks, int number) => tasks.FirstOrDefault(t => t.Number == number);

    private static string Describe(TaskJson t) =>
        $"{t.Number} \"{t.Title}\" done={t.IsCompleted} due={t.DueDate ?? "-"} {t.Priority} list={t.List ?? "-"}";

    private static string Short(string reply) => reply.Replace("\n", " ").Length > 160 ? reply.Replace("\n", " ")[..160] + "…" : reply.Replace("\n", " ");
}
