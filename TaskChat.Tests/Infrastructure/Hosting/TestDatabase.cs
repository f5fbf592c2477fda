namespace TaskChat.Tests.Infrastructure.Hosting;

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
