using System.Net;
using System.Net.Http.Json;
using Npgsql;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Operations;

/// <summary>
/// The app as it is really started: a separate process configured through environment
/// variables, as docker-compose and the README do. A bad setting stops start-up
/// with a sentence that says what to set.
/// </summary>
public sealed class StartupConfigurationTests
{
    [Fact]
    public async Task JwtSecretShorterThan32CharactersStopsStartUpWithAClearMessage()
    {
        await using var database = TestDatabase.CreateSqlite();
        var environment = new Dictionary<string, string?>(database.EnvironmentVariables) { ["JWT_SECRET"] = new string('s', 31) };

        await using var app = AppProcess.Launch(environment);
        var exitCode = await app.WaitForExitAsync(TestSettings.StartupTimeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("JWT_SECRET (Jwt:Secret) is 31 characters; it must be at least 32. See the README.", app.Output);
        Assert.DoesNotContain("Now listening on", app.Output);
    }

    [Fact]
    public async Task MissingJwtSecretOutsideDevelopmentStopsStartUp()
    {
        await using var database = TestDatabase.CreateSqlite();
        var environment = new Dictionary<string, string?>(database.EnvironmentVariables)
        {
            ["JWT_SECRET"] = null,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };

        await using var app = AppProcess.Launch(environment);
        var exitCode = await app.WaitForExitAsync(TestSettings.StartupTimeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Missing configuration: JWT_SECRET (or Jwt:Secret), at least 32 characters. See the README.", app.Output);
    }

    [Fact]
    public async Task JwtSecretOfExactly32CharactersSignsTokensTheApiAccepts()
    {
        await using var app = await TaskChatApplication.StartAsync(new Dictionary<string, string?> { ["Jwt:Secret"] = new string('k', 32) });

        var user = await app.CreateUserAsync();
        using var client = app.CreateClient(user);
        using var response = await client.GetAsync("/api/v1/tasks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CorsOriginsThatIsNotAJsonArrayStopsStartUp()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            TaskChatApplication.StartAsync(new Dictionary<string, string?> { ["CORS_ORIGINS"] = "http://localhost:3000" }));

        Assert.Contains("CORS_ORIGINS must be a JSON array", error.ToString());
    }

    [Fact]
    [Trait(Category.Name, Category.Postgres)]
    public async Task AppStartedWithDatabaseUrlStoresTasksInThatPostgresDatabase()
    {
        await using var database = await TestDatabase.CreatePostgresAsync();
        var url = database.EnvironmentVariables["DATABASE_URL"]!;
        Assert.StartsWith("postgresql://", url);
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        Assert.Contains("Database ready (PostgreSQL)", app.Output);

        using var client = app.CreateClient();
        var (email, password) = TestUser.NewCredentials();
        using (var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        using var authorized = app.CreateClient(new BearerTokenHandler(await TaskChatApplication.GetTokenAsync(client, email, password)));
        var created = await authorized.CreateTaskAsync("Stored in PostgreSQL");
        Assert.Equal(1, created.Number);
        Assert.Equal(["Stored in PostgreSQL"], (await authorized.ListTasksAsync()).Select(t => t.Title));

        // Read the row straight from the database the URL named: the app did not fall back to SQLite.
        var connectionString = database.Settings["ConnectionStrings:TaskChat"];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync().WaitAsync(TestSettings.Timeout);
        await using var command = new NpgsqlCommand(
            "SELECT t.title FROM tasks t JOIN \"AspNetUsers\" u ON u.\"Id\" = t.user_id WHERE u.\"Email\" = @email", connection);
        command.Parameters.AddWithValue("email", email);
        Assert.Equal("Stored in PostgreSQL", await command.ExecuteScalarAsync().WaitAsync(TestSettings.Timeout));
    }
}
