using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Bench.Driver;
using TaskChat.Bench.Model;
using TaskChat.Bench.Servers;
using TaskChat.Web.Data;
using TaskChat.Web.Identity;

namespace TaskChat.Bench.Usage;

/// <summary>
/// How long /usage and GET /api/v1/usage take for a user with many messages, on PostgreSQL: the
/// app in this process on real Kestrel, the user's history spread over 90 days (plus other users'
/// rows, so the queries have to find the user's among them), each figure the median and p95 of
/// bounded repeated requests after a warm-up.
/// </summary>
internal static class UsageBench
{
    private const int Repeats = 25;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var messages = CommandLine.Int(args, "--messages", 100_000);
        var admin = CommandLine.Option(args, "--admin")
            ?? (Environment.GetEnvironmentVariable(BenchPlan.AdminVariable) is { Length: > 0 } value ? value : BenchDatabase.DefaultAdmin);
        var clock = Stopwatch.StartNew();
        var database = await BenchDatabase.CreateAsync(admin, poolSize: 20);
        try
        {
            return await MeasureAsync(database, messages, clock);
        }
        finally
        {
            // --keep leaves the database for EXPLAIN ANALYZE in psql.
            if (CommandLine.Flag(args, "--keep"))
            {
                Console.WriteLine($"Kept database {database.Name}.");
            }
            else
            {
                await database.DisposeAsync();
            }
        }
    }

    private static async Task<int> MeasureAsync(BenchDatabase database, int messages, Stopwatch clock)
    {
        await using var server = TaskChatServer.Start(new ModelScript(10, TimeSpan.Zero), database.ConnectionString);
        Console.WriteLine($"[{clock.Elapsed.TotalSeconds,5:0.0} s] database {database.Name}, app up");

        string token;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
            var user = await UsageSeed.UserAsync(db, "Europe/Paris");
            await UsageSeed.HistoryAsync(db, user.Id, messages, seed: 1);
            for (var other = 0; other < 5; other++)
            {
                var someoneElse = await UsageSeed.UserAsync(db, "UTC");
                await UsageSeed.HistoryAsync(db, someoneElse.Id, messages / 10, seed: 100 + other);
            }

            token = scope.ServiceProvider.GetRequiredService<TokenIssuer>().Issue(user).Token;
        }

        // What autovacuum does to a table in steady use: statistics, and the visibility map that lets
        // the usage queries read the covering index without visiting the table.
        await using (var connection = new Npgsql.NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var vacuum = new Npgsql.NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 };
            await vacuum.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"[{clock.Elapsed.TotalSeconds,5:0.0} s] seeded {messages:N0} messages for the user, {messages / 2:N0} more for 5 others");
        using var client = new HttpClient { BaseAddress = new Uri(server.HubUrl, "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Console.WriteLine();
        Console.WriteLine($"{"request",-24} {"median ms",10} {"p95 ms",8} {"max ms",8}");
        foreach (var path in new[] { "/api/v1/usage?days=7", "/api/v1/usage?days=30", "/api/v1/usage?days=90", "/usage?days=7", "/usage?days=30", "/usage?days=90" })
        {
            var times = await TimeAsync(client, path);
            Console.WriteLine($"{path,-24} {Percentile(times, 50),10:0.0} {Percentile(times, 95),8:0.0} {times.Max(),8:0.0}");
        }

        Console.WriteLine($"\n{Repeats} requests each after 3 warm-ups; took {clock.Elapsed.TotalSeconds:0} s.");
        return 0;
    }

    private static async Task<List<double>> TimeAsync(HttpClient client, string path)
    {
        var times = new List<double>();
        for (var i = 0; i < Repeats + 3; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!response.IsSuccessStatusCode || !body.Contains("turns", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"GET {path} returned {(int)response.StatusCode}.");
            }

            if (i >= 3)
            {
                times.Add(elapsed);
            }
        }

        return times;
    }

    private static double Percentile(List<double> values, double percent)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
