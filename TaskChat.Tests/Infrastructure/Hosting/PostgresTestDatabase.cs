using Npgsql;

namespace TaskChat.Tests.Infrastructure.Hosting;

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

    /// <summary>The URL form of the same database, for <c>DATABASE_URL</c>.</summary>
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
