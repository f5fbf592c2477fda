using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Data;

namespace TaskChat.Web.Tasks;

// Changes to several tasks at once (the assistant's complete_tasks and delete_tasks), deleting
// and restoring. Each is one save and one announcement, all or nothing.
public sealed partial class TaskService
{
    /// <summary>The tasks with these numbers, in the order asked; <see cref="TaskBatchResult.Missing"/> names any that do not exist.</summary>
    public async Task<TaskBatchResult> FindManyAsync(Guid userId, IReadOnlyList<int> numbers, CancellationToken cancellationToken = default)
    {
        var wanted = numbers.Distinct().ToList();
        var found = await db.Tasks.Where(t => t.UserId == userId && wanted.Contains(t.Number)).ToListAsync(cancellationToken);
        var missing = wanted.Where(n => found.All(t => t.Number != n)).ToList();
        return missing.Count > 0
            ? TaskBatchResult.NotFound(missing)
            : new TaskBatchResult(wanted.Select(n => found.Single(t => t.Number == n)).ToList(), [], []);
    }

    /// <summary>Completes (or reopens) every task named; tasks already in that state are left as they are.</summary>
    public async Task<TaskBatchResult> SetCompletedAsync(
        Guid userId, IReadOnlyList<int> numbers, bool completed, CancellationToken cancellationToken = default)
    {
        var found = await FindManyAsync(userId, numbers, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var changing = found.Tasks.Where(t => t.IsCompleted != completed).ToList();
        var previous = changing.Select(t => t.Snapshot()).ToList();
        var now = time.UtcNowForStorage();
        foreach (var task in changing)
        {
            SetCompleted(task, completed, now);
            task.UpdatedAt = now;
        }

        if (changing.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            await notifier.ChangedAsync(userId, [.. changing.Select(t => t.Number)]);
        }

        return found with { Previous = previous };
    }

    public async Task<TaskResult> DeleteAsync(Guid userId, int number, CancellationToken cancellationToken = default)
    {
        var result = await DeleteManyAsync(userId, [number], cancellationToken);
        return result.Succeeded ? TaskResult.Ok(result.Tasks[0], result.Previous[0]) : TaskResult.NotFound(number);
    }

    /// <summary>
    /// Deletes the tasks. They keep their rows (hidden) for <see cref="TaskRules.RestoreWindow"/>,
    /// so <see cref="RestoreAsync"/> can bring each back with its number.
    /// </summary>
    public async Task<TaskBatchResult> DeleteManyAsync(Guid userId, IReadOnlyList<int> numbers, CancellationToken cancellationToken = default)
    {
        var found = await FindManyAsync(userId, numbers, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var previous = found.Tasks.Select(t => t.Snapshot()).ToList();
        var now = time.UtcNowForStorage();
        foreach (var task in found.Tasks)
        {
            task.DeletedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await notifier.ChangedAsync(userId, [.. found.Tasks.Select(t => t.Number)]);
        return found with { Previous = previous };
    }

    /// <summary>Undoes a deletion made within <see cref="TaskRules.RestoreWindow"/>: the same task, number and all.</summary>
    public async Task<TaskResult> RestoreAsync(Guid userId, int number, CancellationToken cancellationToken = default)
    {
        var since = time.UtcNowForStorage() - TaskRules.RestoreWindow;
        var task = await db.Tasks.IgnoreQueryFilters()
            .FirstOrDefaultAsync(t => t.UserId == userId && t.Number == number && t.DeletedAt != null && t.DeletedAt >= since, cancellationToken);
        if (task is null)
        {
            return TaskResult.NotFound(number);
        }

        task.DeletedAt = null;
        task.UpdatedAt = time.UtcNowForStorage();
        await db.SaveChangesAsync(cancellationToken);
        await notifier.ChangedAsync(userId, [number]);
        return TaskResult.Ok(task);
    }
}
