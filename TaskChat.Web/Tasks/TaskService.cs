using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Data;

namespace TaskChat.Web.Tasks;

/// <summary>
/// Everything that reads or changes a user's tasks: the REST API, the /tasks page and the
/// assistant's tools all come through here, so the rules live in one place. Every method
/// takes the owner's id and never finds another user's task.
/// </summary>
public sealed class TaskService(TaskChatDbContext db, TimeProvider time)
{
    public Task<List<TaskItem>> ListAsync(Guid userId, bool? completed = null, CancellationToken cancellationToken = default)
    {
        var query = db.Tasks.AsNoTracking().Where(t => t.UserId == userId);
        if (completed is { } isCompleted)
        {
            query = query.Where(t => t.IsCompleted == isCompleted);
        }

        return query.OrderBy(t => t.Number).ToListAsync(cancellationToken);
    }

    public Task<TaskItem?> FindAsync(Guid userId, int number, CancellationToken cancellationToken = default) =>
        db.Tasks.FirstOrDefaultAsync(t => t.UserId == userId && t.Number == number, cancellationToken);

    public async Task<TaskResult> CreateAsync(Guid userId, string? title, string? description, CancellationToken cancellationToken = default)
    {
        (title, description) = (StorableText.CleanOrNull(title), StorableText.CleanOrNull(description));
        var errors = TaskValidation.ForCreate(title, description);
        if (errors.Count > 0)
        {
            return TaskResult.Invalid(errors);
        }

        var now = time.UtcNowForStorage();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            // Bumping the owner's counter takes a row lock (PostgreSQL) or the write lock (SQLite)
            // until commit, so concurrent creates queue up and each gets its own number.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Users.Where(u => u.Id == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTaskNumber, u => u.LastTaskNumber + 1), cancellationToken);
            var number = await db.Users.Where(u => u.Id == userId).Select(u => u.LastTaskNumber).SingleAsync(cancellationToken);

            var task = new TaskItem
            {
                UserId = userId,
                Number = number,
                Title = title!.Trim(),
                Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Tasks.Add(task);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TaskResult.Ok(task);
        });
    }

    public async Task<TaskResult> UpdateAsync(
        Guid userId, int number, string? title, string? description, bool? isCompleted, CancellationToken cancellationToken = default)
    {
        (title, description) = (StorableText.CleanOrNull(title), StorableText.CleanOrNull(description));
        var errors = TaskValidation.ForUpdate(title, description);
        if (errors.Count > 0)
        {
            return TaskResult.Invalid(errors);
        }

        var task = await FindAsync(userId, number, cancellationToken);
        if (task is null)
        {
            return TaskResult.NotFound(number);
        }

        var now = time.UtcNowForStorage();
        if (title is not null)
        {
            task.Title = title.Trim();
        }

        if (description is not null)
        {
            task.Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        }

        if (isCompleted is { } completed && completed != task.IsCompleted)
        {
            task.IsCompleted = completed;
            task.CompletedAt = completed ? now : null;
        }

        task.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return TaskResult.Ok(task);
    }

    public async Task<TaskResult> DeleteAsync(Guid userId, int number, CancellationToken cancellationToken = default)
    {
        var task = await FindAsync(userId, number, cancellationToken);
        if (task is null)
        {
            return TaskResult.NotFound(number);
        }

        db.Tasks.Remove(task);
        await db.SaveChangesAsync(cancellationToken);
        return TaskResult.Ok(task);
    }
}
