using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Data;

namespace TaskChat.Web.Tasks;

/// <summary>
/// Removes deleted tasks for good once they can no longer be restored, so a deletion does not
/// keep a person's text around longer than the Undo needs it.
/// </summary>
internal sealed class DeletedTaskSweeper(IServiceScopeFactory scopes, TimeProvider time, ILogger<DeletedTaskSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TaskRules.RestoreWindow / 2, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not remove expired deleted tasks; will try again");
            }
        }
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var before = time.UtcNowForStorage() - TaskRules.RestoreWindow;
        return await db.Tasks.IgnoreQueryFilters()
            .Where(t => t.DeletedAt != null && t.DeletedAt < before)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
