using Microsoft.EntityFrameworkCore;

namespace TaskChat.Web.Data;

/// <summary>
/// Applies migrations before the app serves, so a fresh machine needs no manual
/// <c>dotnet ef</c> step. Hosted services start before Kestrel accepts requests.
/// </summary>
internal sealed class DatabaseInitializer(IServiceScopeFactory scopes, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            if (!db.UsesPostgres())
            {
                // WAL lets the page readers and the streaming writer work side by side.
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                await db.Database.CloseConnectionAsync();
            }

            await db.Database.MigrateAsync(cancellationToken);
        });

        logger.LogInformation("Database ready ({Provider})", db.UsesPostgres() ? "PostgreSQL" : "SQLite");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
