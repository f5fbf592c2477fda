using Npgsql;

namespace TaskChat.Bench.Driver;

/// <summary>
/// The run's own PostgreSQL database, taskchat_bench_&lt;guid&gt;, made and dropped through an
/// admin connection, and the server-side counters read from it (pg_stat_*).
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const string DefaultAdmin = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    private readonly NpgsqlConnectionStringBuilder admin;

    private BenchDatabase(NpgsqlConnectionStringBuilder admin, string adminConnectionString, string name, int poolSize)
    {
        this.admin = admin;
        Name = name;
        var app = new NpgsqlConnectionStringBuilder(admin.ConnectionString)
        {
            Database = name,
            Pooling = true,
            MaxPoolSize = poolSize,
        };

        // Npgsql's default (Prefer) negotiates TLS whenever the server offers it, as Debian's
        // PostgreSQL does; over loopback that cost about 7 % of the server's CPU and measures
        // nothing a deployment has: docker-compose's PostgreSQL offers no TLS. An admin string
        // that names an SSL mode keeps it.
        if (!adminConnectionString.Contains("ssl", StringComparison.OrdinalIgnoreCase))
        {
            app.SslMode = SslMode.Disable;
        }

        ConnectionString = app.ConnectionString;
    }

    public string Name { get; }

    /// <summary>What the TaskChat server uses (the admin login, this database, the pool size).</summary>
    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string adminConnectionString, int poolSize)
    {
        var admin = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false, Timeout = 10 };
        var name = $"taskchat_bench_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new BenchDatabase(admin, adminConnectionString, name, poolSize);
    }

    /// <summary>
    /// Rows written and transactions committed in this database so far. Backends publish their
    /// counts within about a second of going idle, so callers wait that long first.
    /// </summary>
    public async Task<DatabaseCounters> ReadCountersAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = Name };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select
              (select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint from pg_stat_user_tables),
              (select xact_commit from pg_stat_database where datname = current_database())
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new DatabaseCounters(reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>
    /// The PostgreSQL processes working for this run: this database's backends and the shared
    /// background processes (WAL writer, checkpointer, ...), not other databases' backends.
    /// </summary>
    public async Task<IReadOnlyCollection<int>> WorkerPidsAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = Name };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select pid from pg_stat_activity where datname = current_database() or backend_type <> 'client backend'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var pids = new List<int>();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }

    public async Task<string> ServerVersionAsync()
    {
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        return "PostgreSQL " + connection.PostgreSqlVersion;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Rows inserted, updated or deleted in the app's tables, and committed transactions (reads included).</summary>
internal sealed record DatabaseCounters(long RowsWritten, long Transactions)
{
    public static DatabaseCounters operator -(DatabaseCounters after, DatabaseCounters before) =>
        new(after.RowsWritten - before.RowsWritten, after.Transactions - before.Transactions);
}
