using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Bench.Model;
using TaskChat.Web.Data;
using TaskChat.Web.Identity;

namespace TaskChat.Bench.Servers;

/// <summary>
/// The whole TaskChat app, as Program.cs builds it, on real Kestrel (127.0.0.1, a port the OS
/// picks) and PostgreSQL, in Production mode. The one replacement is the model: a
/// <see cref="ScriptedChatClient"/> under the same function-invocation and logging pipeline
/// that AddAssistant builds, so every token is stamped with its emit time.
/// </summary>
internal sealed class TaskChatServer : WebApplicationFactory<Program>, IBenchServer
{
    private readonly ModelScript script;
    private readonly IReadOnlyDictionary<string, string?> settings;

    private TaskChatServer(ModelScript script, IReadOnlyDictionary<string, string?> settings)
    {
        this.script = script;
        this.settings = settings;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public Uri HubUrl { get; private set; } = null!;

    /// <param name="otlpEndpoint">When set, the app exports over OTLP/HTTP there, as it would to a collector.</param>
    /// <param name="redis">When set, the node scales out through that Redis, as every node behind a load balancer does.</param>
    /// <param name="maxPool">PostgreSQL connections this node may hold; nodes sharing one server split its 100.</param>
    /// <param name="jwtSecret">The signing key; nodes of one cluster share it so a token from one works on all.</param>
    public static TaskChatServer Start(
        ModelScript script, string connectionString, string? otlpEndpoint = null, string? redis = null, string? jwtSecret = null, int maxPool = 100)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:TaskChat"] = connectionString,
            ["Jwt:Secret"] = jwtSecret ?? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            ["Jwt:LifetimeMinutes"] = "240",
            // One node on its own database: the per-user limits that protect a shared cluster would
            // only measure themselves here. The pool is the driver's to choose (--pool-size), since
            // the driver and any second node need PostgreSQL connections of their own.
            ["Database:MaxPoolSize"] = maxPool.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:TurnsPerMinute"] = "1000000",
            ["RateLimits:NewConversationsPerHour"] = "1000000",
        };
        if (otlpEndpoint is not null)
        {
            settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
            settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        }

        if (redis is not null)
        {
            settings["ConnectionStrings:Redis"] = redis;
        }

        var server = new TaskChatServer(script, settings);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.HubUrl = new Uri(new Uri(address), "/hubs/chat");
        return server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // ConfigureTestServices runs after Program's registrations, so this IChatClient wins.
        builder.ConfigureTestServices(services => services
            .AddChatClient(new ScriptedChatClient(script))
            .UseFunctionInvocation(configure: functions => functions.AllowConcurrentInvocation = false)
            .UseLogging());
    }

    /// <summary>
    /// Inserts the accounts in one batch and signs tokens with the app's own TokenIssuer.
    /// Registering thousands through the API would spend minutes hashing passwords (PBKDF2),
    /// which is not what this benchmark measures; the hub sees the same JWTs either way.
    /// </summary>
    public async Task<string?> SeedUsersAsync(int count)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var issuer = scope.ServiceProvider.GetRequiredService<TokenIssuer>();
        var users = Enumerable.Range(0, count).Select(_ => NewUser()).ToList();
        foreach (var chunk in users.Chunk(1000))
        {
            db.Users.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        var path = Path.Combine(Path.GetTempPath(), $"taskchat-bench-tokens-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(path, users.Select(user => issuer.Issue(user).Token));
        return path;
    }

    /// <summary>An account as sign-up would make it, without the password (the bench signs its tokens itself).</summary>
    public static AppUser NewUser(string prefix = "bench")
    {
        var email = $"{prefix}-{Guid.NewGuid():N}@bench.example";
        return new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString("N"),
        };
    }
}
