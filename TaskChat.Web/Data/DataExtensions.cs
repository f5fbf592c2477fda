using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TaskChat.Web.Data;

// Reads:
//   ConnectionStrings:TaskChat  (ConnectionStrings__TaskChat)  Npgsql connection string -> PostgreSQL
//   DATABASE_URL                postgresql://user:pass@host:port/db                    -> PostgreSQL
//   Database:SqlitePath         file for the zero-setup default (App_Data/taskchat.db)
public static class DataExtensions
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        // Pooled: a chat turn takes two contexts (start, run) and the partial-reply writer one per
        // interval; building each from scratch through DI was a measurable share of the server's
        // CPU (docs/benchmarks.md).
        var postgres = PostgresConnectionString(builder.Configuration);
        if (postgres is not null)
        {
            builder.Services.AddDbContextPool<TaskChatDbContext, PostgresTaskChatDbContext>(options =>
                options.UseNpgsql(postgres));
        }
        else
        {
            var path = SqlitePath(builder.Configuration, builder.Environment);
            builder.Services.AddDbContextPool<TaskChatDbContext, SqliteTaskChatDbContext>(options =>
                options.UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString()));
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
