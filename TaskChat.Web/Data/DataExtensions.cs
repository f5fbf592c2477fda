using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace TaskChat.Web.Data;

// Reads:
//   ConnectionStrings:TaskChat  (ConnectionStrings__TaskChat)  Npgsql connection string -> PostgreSQL
//   DATABASE_URL                postgresql://user:pass@host:port/db                    -> PostgreSQL
//   Database:SqlitePath         file for the zero-setup default (App_Data/taskchat.db)
//   Database:MaxPoolSize        PostgreSQL connections this node may hold at most (default 20)
public static class DataExtensions
{
    /// <summary>
    /// Npgsql's own default is 100, all of PostgreSQL's default max_connections: one busy node
    /// could take every connection and leave the other nodes (and psql) none. Twenty per node
    /// leaves room for four nodes and the server's reserved slots.
    /// </summary>
    public const int DefaultMaxPoolSize = 20;

    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        // Pooled: a chat turn takes two contexts (start, run) and the partial-reply writer one per
        // interval; building each from scratch through DI was a measurable share of the server's
        // CPU (docs/benchmarks.md).
        var postgres = PostgresConnectionString(builder.Configuration);
        if (postgres is not null)
        {
            var bounded = WithPoolLimit(postgres, builder.Configuration);
            builder.Services.AddDbContextPool<TaskChatDbContext, PostgresTaskChatDbContext>(options =>
                options.UseNpgsql(bounded));
        }
        else
        {
            var path = SqlitePath(builder.Configuration, builder.Environment);
            builder.Services.AddDbContextPool<TaskChatDbContext, SqliteTaskChatDbContext>(options => options
                .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString())
                // The Branches migration rebuilds `messages` (SQLite cannot add a foreign key in
                // place) and then backfills it with SQL; EF warns about that shape, three times, on
                // every new database: the first thing a new user read. The migration is exercised
                // on every test database, so the notes stay in the log at Information.
                .ConfigureWarnings(warnings => warnings.Log(
                    (SqliteEventId.TableRebuildPendingWarning, LogLevel.Information),
                    (RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information))));
        }

        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddHealthChecks().AddDbContextCheck<TaskChatDbContext>("database", tags: ["ready"]);
        return builder;
    }

    public static bool UsesPostgres(this TaskChatDbContext db) => db is PostgresTaskChatDbContext;

    internal static string? PostgresConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("TaskChat");
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        var url = configuration["DATABASE_URL"];
        return string.IsNullOrWhiteSpace(url) ? null : FromDatabaseUrl(url);
    }

    /// <summary>The connection string with this node's pool bound; a request beyond it waits for a free connection.</summary>
    internal static string WithPoolLimit(string connectionString, IConfiguration configuration)
    {
        var size = configuration.GetValue<int?>("Database:MaxPoolSize") ?? DefaultMaxPoolSize;
        if (size is < 1 or > 1000)
        {
            throw new InvalidOperationException($"Database:MaxPoolSize is {size}; it must be between 1 and 1000. See the README.");
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = size };
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, size);
        return builder.ConnectionString;
    }

    /// <summary>Turns a <c>DATABASE_URL</c> such as <c>postgresql://user:pass@host:port/db?sslmode=require</c> into an Npgsql string.</summary>
    internal static string FromDatabaseUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
        {
            throw new InvalidOperationException(
                "DATABASE_URL must look like postgresql://user:password@host:5432/database. See the README.");
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Username = Uri.UnescapeDataString(userInfo[0]),
        };
        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0].Equals("sslmode", StringComparison.OrdinalIgnoreCase))
            {
                builder.SslMode = Enum.Parse<SslMode>(parts[1].Replace("-", ""), ignoreCase: true);
            }
        }

        return builder.ConnectionString;
    }

    private static string SqlitePath(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var path = configuration["Database:SqlitePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Path.Combine(environment.ContentRootPath, "App_Data", "taskchat.db");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return path;
    }
}
