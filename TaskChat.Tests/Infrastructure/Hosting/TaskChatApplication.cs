using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using TaskChat.Tests.Infrastructure.Clients;

namespace TaskChat.Tests.Infrastructure.Hosting;

/// <summary>
/// The whole app in the test process, served by real Kestrel on 127.0.0.1 and a port the OS
/// picks, so HttpClient, the SignalR client and Chromium talk to it over a real socket.
/// Each instance gets its own database (see <see cref="TestDatabase"/>) unless the test hands
/// one in, in which case the test owns it and it outlives the app (restart tests).
/// </summary>
public sealed class TaskChatApplication : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? configureServices;
    private readonly bool ownsDatabase;
    private TestDatabase? database;

    /// <summary>Used by xunit as a fixture: default settings, the database TASKCHAT_TEST_DB names.</summary>
    public TaskChatApplication()
        : this(null, null)
    {
    }

    private TaskChatApplication(
        IReadOnlyDictionary<string, string?>? settings, TestDatabase? database = null, Action<IServiceCollection>? configureServices = null)
    {
        this.settings = settings ?? new Dictionary<string, string?>();
        this.configureServices = configureServices;
        this.database = database;
        ownsDatabase = database is null;
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
    }

    public CapturedLogs Logs { get; } = new();

    public TestDatabase Database => database ?? throw new InvalidOperationException("Call InitializeAsync (or StartAsync) first.");

    public Uri ServerAddress { get; private set; } = null!;

    /// <summary>Makes the database (unless given), starts the server and returns the running app.</summary>
    /// <param name="settings">Extra configuration (keys as in appsettings, e.g. <c>Jwt:LifetimeMinutes</c>); null removes a key.</param>
    /// <param name="database">An existing database to use and leave in place; by default a new one is made and dropped.</param>
    /// <param name="configureServices">
    /// Runs after the app's own registrations, so a test can replace a service, e.g. the
    /// <c>IChatClient</c> with a scripted model whose output the test chooses.
    /// </param>
    public static async Task<TaskChatApplication> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, TestDatabase? database = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var app = new TaskChatApplication(settings, database, configureServices);
        try
        {
            await app.InitializeAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async Task InitializeAsync()
    {
        database ??= await TestDatabase.CreateAsync();

        // Start-up runs the migrations synchronously inside StartServer; keep it off the test's thread.
        await Task.Run(StartServer).WaitAsync(TestSettings.StartupTimeout);
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        ServerAddress = new Uri(addresses.Addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var all = IsolatedSettings.WithoutModelVariables();
        all["Jwt:Secret"] = TestSettings.JwtSecret;
        all["Assistant:Offline:TokenDelayMs"] = "0";
        foreach (var (key, value) in Database.Settings)
        {
            all[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            // Nodes of a scale-out test must share their keys through Redis, as in production.
            if (!all.ContainsKey("ConnectionStrings:Redis"))
            {
                services.AddDataProtection().UseEphemeralDataProtectionProvider();
            }

            services.AddSingleton<ILogEventSink>(Logs);
        });

        // The test's replacements, kept apart from the defaults above.
        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }

    /// <summary>A client with no credentials; it does not follow redirects, so a test sees them.</summary>
    public HttpClient CreateAnonymousClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false })
        {
            BaseAddress = ServerAddress,
            Timeout = TestSettings.Timeout,
        };

    /// <summary>A client that sends the user's JWT as <c>Authorization: Bearer</c>.</summary>
    public HttpClient CreateClient(TestUser user) => CreateAnonymousClient(new BearerTokenHandler(user.AccessToken));

    /// <summary>Registers a new account through the API and signs it in for a JWT.</summary>
    public async Task<TestUser> CreateUserAsync(string? email = null, string? password = null)
    {
        var (newEmail, newPassword) = TestUser.NewCredentials();
        email ??= newEmail;
        password ??= newPassword;

        using var client = CreateAnonymousClient();
        using var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password });
        var body = await registered.Content.ReadAsStringAsync();
        if (registered.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Register returned {(int)registered.StatusCode}: {body}");
        }

        var userId = JsonDocument.Parse(body).RootElement.GetProperty("user_id").GetGuid();
        var token = await GetTokenAsync(client, email, password);
        return new TestUser(email, password, userId, token);
    }

    public static async Task<string> GetTokenAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token returned {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase && database is not null)
        {
            // xunit may dispose a fixture both ways (IAsyncLifetime and IDisposable); drop once.
            var owned = database;
            database = null;
            await owned.DisposeAsync();
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
