using Npgsql;

namespace TaskChat.Tests.Infrastructure;

/// <summary>
/// One throw-away database for one app (or for several, one after the other, in a restart
/// test). Which provider is used comes from <c>TASKCHAT_TEST_DB</c> (<c>sqlite</c>, the
/// default, or <c>postgres</c>); PostgreSQL is reached through the admin connection string in
/// <c>TASKCHAT_TEST_POSTGRES</c>. Nothing is skipped: if PostgreSQL is asked for and cannot be
/// reached, creating the database throws and the test fails with the reason.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public const string DefaultPostgresAdmin = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    public static string RequestedProvider =>
        Environment.GetEnvironmentVariable("TASKCHAT_TEST_DB")?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => "sqlite",
            "postgres" or "postgresql" => "postgres",
            var other => throw new InvalidOperationException(
                $"TASKCHAT_TEST_DB is '{other}'; use 'postgres' or 'sqlite'."),
        };

    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable("TASKCHAT_TEST_POSTGRES") is { Length: > 0 } value ? value : DefaultPostgresAdmin;

    public abstract string Provider { get; }

    /// <summary>Configuration for an in-process app (<see cref="TaskChatApplication"/>).</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Environment variables for a separate app process (<see cref="AppProcess"/>).</summary>
    public abstract IReadOnlyDictionary<string, string?> EnvironmentVariables { get; }

    /// <summary>The database chosen by <c>TASKCHAT_TEST_DB</c>.</summary>
    public static Task<TestDatabase> CreateAsync() =>
        RequestedProvider == "postgres" ? CreatePostgresAsync() : Task.FromResult(CreateSqlite());

    public static TestDatabase CreateSqlite() => new SqliteTestDatabase();

    public static async Task<TestDatabase> CreatePostgresAsync() => await PostgresTestDatabase.CreateNewAsync();

    public abstract ValueTask DisposeAsync();
}

internal sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "taskchat-tests", Guid.NewGuid().ToString("N"));

    public SqliteTestDatabase()
    {
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, "taskchat.db");
    }

    public string FilePath { get; }

    public override string Provider => "sqlite";

    public override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Database:SqlitePath"] = FilePath };

    public override IReadOnlyDictionary<string, string?> EnvironmentVariables =>
        new Dictionary<string, string?> { ["Database__SqlitePath"] = FilePath };

    public override ValueTask DisposeAsync()
    {
        // The app's pooled connections keep the file open until the pool lets go of them.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A process that was killed may still hold the file for a moment; /tmp is cleaned anyway.
        }

        return ValueTask.CompletedTask;
    }
}

internal sealed class PostgresTestDatabase : TestDatabase
{
    private readonly NpgsqlConnectionStringBuilder admin;

    private PostgresTestDatabase(NpgsqlConnectionStringBuilder admin, string name)
    {
        this.admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The seed's URL form of the same database, for <c>DATABASE_URL</c>.</summary>
    public string DatabaseUrl =>
        $"postgresql://{Uri.EscapeDataString(admin.Username ?? "postgres")}:{Uri.EscapeDataString(admin.Password ?? "")}" +
        $"@{admin.Host}:{admin.Port}/{Name}";

    public override string Provider => "postgres";

    public override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["ConnectionStrings:TaskChat"] = ConnectionString };

    public override IReadOnlyDictionary<string, string?> EnvironmentVariables =>
        new Dictionary<string, string?> { ["DATABASE_URL"] = DatabaseUrl };

    public static async Task<PostgresTestDatabase> CreateNewAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder(PostgresAdminConnectionString) { Pooling = false, Timeout = 5 };
        var name = $"taskchat_test_{Guid.NewGuid():N}";
        try
        {
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync().WaitAsync(TestSettings.Timeout);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync().WaitAsync(TestSettings.Timeout);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"The tests need PostgreSQL (TASKCHAT_TEST_DB=postgres or a Postgres-category test) but could not create a " +
                $"database at Host={admin.Host};Port={admin.Port};Username={admin.Username}: {exception.Message} " +
                "Start PostgreSQL (scripts/test.sh does it) or point TASKCHAT_TEST_POSTGRES at an admin connection string.",
                exception);
        }

        return new PostgresTestDatabase(admin, name);
    }

    public override async ValueTask DisposeAsync()
    {
        // FORCE ends the connections an app (or a killed app process) may still hold.
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync().WaitAsync(TestSettings.Timeout);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync().WaitAsync(TestSettings.Timeout);
    }
}
