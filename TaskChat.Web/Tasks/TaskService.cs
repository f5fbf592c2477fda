using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Data;
using TaskChat.Web.Tasks.Live;

namespace TaskChat.Web.Tasks;

/// <summary>
/// Everything that reads or changes a user's tasks: the REST API, the /tasks page and the
/// assistant's tools all come through here, so the rules live in one place, and so does the
/// live announcement of every change (<see cref="TaskChangeNotifier"/>). Every method takes the
/// owner's id and never finds another user's task.
/// </summary>
public sealed partial class TaskService(TaskChatDbContext db, TimeProvider time, TaskCalendar calendar, TaskChangeNotifier notifier)
{
    /// <summary>The user's tasks that pass the filter, in <see cref="TaskOrder"/>.</summary>
    public async Task<List<TaskItem>> ListAsync(Guid userId, TaskFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= TaskFilter.All;
        var query = db.Tasks.AsNoTracking().Where(t => t.UserId == userId);
        if (filter.Completed is { } isCompleted)
        {
            query = query.Where(t => t.IsCompleted == isCompleted);
        }

        if (filter.List is { } list)
        {
            var spellings = (await ListSpellingsAsync(userId, cancellationToken))
                .Where(s => Same(s.Name, list)).Select(s => s.Name).ToList();
            query = query.Where(t => spellings.Contains(t.List!));
        }

        if (filter.Due is { } window)
        {
            var today = await calendar.TodayAsync(userId, cancellationToken);
            query = window switch
            {
                DueWindow.Today => query.Where(t => t.DueDate == today.Today),
                DueWindow.Overdue => query.Where(t => t.DueDate < today.Today && !t.IsCompleted),
                _ => query.Where(t => t.DueDate > today.Today && t.DueDate <= today.Today.AddDays(TaskRules.UpcomingDays)),
            };
        }

        return TaskOrder.Sort(await query.ToListAsync(cancellationToken));
    }

    /// <summary>The user's lists, each with its open tasks counted, by name.</summary>
    public async Task<List<TaskListSummary>> ListsAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Tasks.AsNoTracking()
            .Where(t => t.UserId == userId && t.List != null)
            .GroupBy(t => t.List!)
            .Select(g => new { Name = g.Key, First = g.Min(t => t.Number), Open = g.Count(t => !t.IsCompleted) })
            .ToListAsync(cancellationToken);

        // Spellings that differ only in case are one list, named as it was first spelled.
        return rows.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new TaskListSummary(g.MinBy(r => r.First)!.Name, g.Sum(r => r.Open)))
            .OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public Task<TaskItem?> FindAsync(Guid userId, int number, CancellationToken cancellationToken = default) =>
        db.Tasks.FirstOrDefaultAsync(t => t.UserId == userId && t.Number == number, cancellationToken);

    public async Task<TaskResult> CreateAsync(Guid userId, TaskInput input, CancellationToken cancellationToken = default)
    {
        var errors = TaskValidation.ForCreate(input, out var fields);
        if (errors.Count > 0)
        {
            return TaskResult.Invalid(errors);
        }

        var list = fields.List is null ? null : await CanonicalListAsync(userId, fields.List, cancellationToken);
        var now = time.UtcNowForStorage();
        var strategy = db.Database.CreateExecutionStrategy();
        var task = await strategy.ExecuteAsync(async () =>
        {
            // Bumping the owner's counter takes a row lock (PostgreSQL) or the write lock (SQLite)
            // until commit, so concurrent creates queue up and each gets its own number.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Users.Where(u => u.Id == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTaskNumber, u => u.LastTaskNumber + 1), cancellationToken);
            var number = await db.Users.Where(u => u.Id == userId).Select(u => u.LastTaskNumber).SingleAsync(cancellationToken);

            var created = new TaskItem
            {
                UserId = userId,
                Number = number,
                Title = input.Title!.Trim(),
                Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
                DueDate = fields.DueDate,
                Priority = fields.Priority ?? TaskPriority.Normal,
                List = list,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Tasks.Add(created);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return created;
        });

        await notifier.ChangedAsync(userId, [task.Number]);
        return TaskResult.Ok(task);
    }

    public async Task<TaskResult> UpdateAsync(Guid userId, int number, TaskChanges changes, CancellationToken cancellationToken = default)
    {
        var errors = TaskValidation.ForUpdate(changes, out var fields);
        if (errors.Count > 0)
        {
            return TaskResult.Invalid(errors);
        }

        var task = await FindAsync(userId, number, cancellationToken);
        if (task is null)
        {
            return TaskResult.NotFound(number);
        }

        var previous = task.Snapshot();
        var list = fields.List is null ? null : await CanonicalListAsync(userId, fields.List, cancellationToken);
        Apply(task, changes, fields, list, time.UtcNowForStorage());
        await db.SaveChangesAsync(cancellationToken);
        await notifier.ChangedAsync(userId, [number]);
        return TaskResult.Ok(task, previous);
    }

    private static void Apply(TaskItem task, TaskChanges changes, ParsedFields fields, string? list, DateTime now)
    {
        if (changes.Title is not null)
        {
            task.Title = changes.Title.Trim();
        }

        if (changes.Description is not null)
        {
            task.Description = string.IsNullOrWhiteSpace(changes.Description) ? null : changes.Description.Trim();
        }

        if (changes.IsCompleted is { } completed)
        {
            SetCompleted(task, completed, now);
        }

        if (changes.SetsDueDate)
        {
            task.DueDate = fields.DueDate;
        }

        if (fields.Priority is { } priority)
        {
            task.Priority = priority;
        }

        if (changes.SetsList)
        {
            task.List = list;
        }

        task.UpdatedAt = now;
    }

    private static void SetCompleted(TaskItem task, bool completed, DateTime now)
    {
        if (completed != task.IsCompleted)
        {
            task.IsCompleted = completed;
            task.CompletedAt = completed ? now : null;
        }
    }

    /// <summary>Lists match case-insensitively and keep the spelling first used: "shopping" joins "Shopping".</summary>
    private async Task<string> CanonicalListAsync(Guid userId, string name, CancellationToken cancellationToken) =>
        (await ListSpellingsAsync(userId, cancellationToken))
            .Where(s => Same(s.Name, name)).OrderBy(s => s.First).Select(s => s.Name).FirstOrDefault() ?? name;

    /// <summary>Every spelling of a list name among the user's tasks, with the lowest task number that uses it.</summary>
    private async Task<List<(string Name, int First)>> ListSpellingsAsync(Guid userId, CancellationToken cancellationToken) =>
        (await db.Tasks.AsNoTracking()
            .Where(t => t.UserId == userId && t.List != null)
            .GroupBy(t => t.List!)
            .Select(g => new { Name = g.Key, First = g.Min(t => t.Number) })
            .ToListAsync(cancellationToken))
        .Select(s => (s.Name, s.First)).ToList();

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
