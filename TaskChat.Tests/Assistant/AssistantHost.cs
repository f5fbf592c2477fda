using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TaskChat.Web.Assistant;
using TaskChat.Web.Data;
using TaskChat.Web.Identity;
using TaskChat.Web.Tasks;

namespace TaskChat.Tests.Assistant;

/// <summary>
/// The app's real data, tasks and assistant registrations (AddData, AddTasks, AddAssistant) over a
/// SQLite file in a temp folder, migrated like the app does. Tests make their own users, so they
/// never see each other's tasks.
/// </summary>
public sealed class AssistantHost : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"taskchat-assistant-{Guid.NewGuid():N}");

    public WebApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        App = Build(new Dictionary<string, string?>
        {
            // Environment variables of a CI run must not switch this host to PostgreSQL.
            ["ConnectionStrings:TaskChat"] = "",
            ["DATABASE_URL"] = "",
            ["Database:SqlitePath"] = Path.Combine(folder, "taskchat.db"),
            ["Assistant:Provider"] = "Offline",
            ["Assistant:Offline:TokenDelayMs"] = "0",
        });

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        Assert.IsType<SqliteTaskChatDbContext>(db);
        await db.Database.MigrateAsync();
    }

    /// <summary>A builder with the assistant's dependencies, without starting a server.</summary>
    public static WebApplication Build(IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        // TaskService needs a clock; in the app, Identity's registrations provide it.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddData();
        builder.AddTasks();
        builder.AddAssistant();
        return builder.Build();
    }

    public async Task<Guid> CreateUserAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var email = $"{Guid.NewGuid():N}@example.test";
        var user = new AppUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant() };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>Reads through a fresh scope, so nothing cached by the code under test is seen.</summary>
    public async Task<TaskItem?> FindTaskAsync(Guid userId, int number)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TaskService>().FindAsync(userId, number);
    }

    public async Task<List<TaskItem>> ListTasksAsync(Guid userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TaskService>().ListAsync(userId);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing the run over it is not.
        }
    }
}
