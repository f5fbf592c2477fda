using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;
using Xunit.Abstractions;

namespace TaskChat.Tests.Data;

/// <summary>
/// Two nodes on one PostgreSQL. A flood on node A may slow A down, but A never holds more than
/// its pool's connections, so node B still signs people in and runs their turns.
/// </summary>
[Trait(Category.Name, Category.Postgres)]
public sealed class ConnectionPoolTests(ITestOutputHelper output)
{
    private const int Workers = 60;
    private static readonly TimeSpan FloodFor = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task AFloodOnNodeAStaysWithinItsPoolAndNodeBStillSignsInAndChats()
    {
        await using var database = (PostgresTestDatabase)await TestDatabase.CreatePostgresAsync();
        await using var a = await TaskChatApplication.StartAsync(Node(database, "taskchat-node-a", new()
        {
            // This test is about the pool; the per-user limit would stop the flood before it reached the database.
            ["RateLimits:ApiRequestsPerMinute"] = "1000000",
        }), database);
        await using var b = await TaskChatApplication.StartAsync(Node(database, "taskchat-node-b", new()), database);
        var flooders = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => a.CreateUserAsync()));
        var person = await b.CreateUserAsync();

        using var stop = new CancellationTokenSource(FloodFor);
        var peak = 0;
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, await ConnectionsAsync(database, "taskchat-node-a"));
                await Task.Delay(50, CancellationToken.None);
            }
        });
        var requests = 0;
        var flood = Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            using var api = a.CreateClient(flooders[worker % flooders.Length]);
            while (!stop.IsCancellationRequested)
            {
                using var created = await api.PostAsJsonAsync("/api/v1/tasks", new { title = $"flood {worker}" }, CancellationToken.None);
                using var listed = await api.GetAsync("/api/v1/tasks", CancellationToken.None);
                Interlocked.Add(ref requests, 2);
            }
        })));

        // While A is flooded: a person on B signs in and completes a turn.
        await Task.Delay(FloodFor / 2);
        var clock = Stopwatch.StartNew();
        using var anonymous = b.CreateAnonymousClient();
        var token = await TaskChatApplication.GetTokenAsync(anonymous, person.Email, person.Password);
        await using var chat = await ChatConnection.ConnectAsync(b.ServerAddress, person with { AccessToken = token });
        var turn = await chat.SendAndWaitAsync("Create a task to call the plumber");
        var onB = clock.Elapsed;
        using var ready = await anonymous.GetAsync("/health/ready");
        await flood;
        await sampling;

        output.WriteLine($"node A: {requests} requests from {Workers} workers in {FloodFor.TotalSeconds:0} s, at most {peak} connections " +
            $"(pool {DataExtensions.DefaultMaxPoolSize}); node B: sign-in and a turn in {onB.TotalMilliseconds:0} ms during the flood");
        Assert.Equal(MessageStatus.Completed, turn.Completed.Status);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.InRange(peak, 1, DataExtensions.DefaultMaxPoolSize);
        Assert.True(requests > Workers, $"The flood made only {requests} requests.");
    }

    private static Dictionary<string, string?> Node(PostgresTestDatabase database, string name, Dictionary<string, string?> extra)
    {
        // The test database's string turns pooling off (it is made from the admin login); a node in
        // production pools, and the pool is what bounds it.
        extra["ConnectionStrings:TaskChat"] = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            ApplicationName = name,
            Pooling = true,
        }.ConnectionString;
        return extra;
    }

    private static async Task<int> ConnectionsAsync(PostgresTestDatabase database, string applicationName)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.PostgresAdminConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @db AND application_name = @app", connection);
        command.Parameters.AddWithValue("db", database.Name);
        command.Parameters.AddWithValue("app", applicationName);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
