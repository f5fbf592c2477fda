using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Data;

namespace TaskChat.Tests.Data;

/// <summary>The run really uses the provider TASKCHAT_TEST_DB names, so "passed on PostgreSQL" means it.</summary>
public sealed class DatabaseProviderTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public void AppUsesTheProviderTheTestRunAskedFor()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();

        Assert.Equal(TestDatabase.RequestedProvider, app.Database.Provider);
        Assert.Equal(TestDatabase.RequestedProvider == "postgres", db.UsesPostgres());
        Assert.Contains(app.Logs.Lines, line =>
            line.Contains(db.UsesPostgres() ? "Database ready (PostgreSQL)" : "Database ready (SQLite)", StringComparison.Ordinal));
    }
}
