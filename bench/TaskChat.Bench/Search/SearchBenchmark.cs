using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TaskChat.Bench.Driver;
using TaskChat.Web.Chat.Search;
using TaskChat.Web.Data;

namespace TaskChat.Bench.Search;

/// <summary>
/// <c>-- search</c>: full-text search over 100,000 messages on PostgreSQL. One user owns 200
/// conversations of 500 messages (the worst case for a per-user search: everything is theirs);
/// a second user's 20,000 messages share the index. The app's own <see cref="MessageSearch"/>
/// runs the queries, through the migrations the app applies. Prints p50 / p95 / p99 per kind of query.
/// </summary>
internal static class SearchBenchmark
{
    private const int Conversations = 200;
    private const int MessagesPerConversation = 500;
    private const int Rounds = 200;

    public static async Task<int> RunAsync(string admin)
    {
        await using var database = await BenchDatabase.CreateAsync(admin, poolSize: 10);
        var options = new DbContextOptionsBuilder<PostgresTaskChatDbContext>().UseNpgsql(database.ConnectionString).Options;
        await using (var db = new PostgresTaskChatDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        var (owner, other) = (Guid.NewGuid(), Guid.NewGuid());
        var clock = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await SearchCorpus.InsertAsync(connection, owner, Conversations, MessagesPerConversation, seed: 1);
            await SearchCorpus.InsertAsync(connection, other, 40, MessagesPerConversation, seed: 2);
            await using var analyze = new NpgsqlCommand("ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"Inserted {Conversations * MessagesPerConversation:N0} messages for the searching user and {40 * MessagesPerConversation:N0} for another in {clock.Elapsed.TotalSeconds:N1} s");
        Console.WriteLine();
        Console.WriteLine("| query | matches (about) | p50 ms | p95 ms | p99 ms |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        var all = new List<double>();
        foreach (var (label, query, share) in SearchCorpus.Queries)
        {
            var times = await MeasureAsync(options, owner, query);
            all.AddRange(times);
            Console.WriteLine($"| {label} `{query}` | {share} | {Percentile(times, 50):N1} | {Percentile(times, 95):N1} | {Percentile(times, 99):N1} |");
        }

        Console.WriteLine($"| all of the above | | {Percentile(all, 50):N1} | {Percentile(all, 95):N1} | {Percentile(all, 99):N1} |");
        return 0;
    }

    /// <summary>One query, the way the endpoint runs it (a pooled context per request), a few warm-ups first.</summary>
    private static async Task<List<double>> MeasureAsync(DbContextOptions<PostgresTaskChatDbContext> options, Guid userId, string query)
    {
        var terms = SearchTerms.Parse(query)!;
        var times = new List<double>();
        for (var round = -5; round < Rounds; round++)
        {
            var started = Stopwatch.GetTimestamp();
            await using (var db = new PostgresTaskChatDbContext(options))
            {
                var results = await new MessageSearch(db).SearchAsync(userId, terms, MessageSearch.DefaultLimit, CancellationToken.None);
                if (results.Count == 0)
                {
                    throw new InvalidOperationException($"'{query}' found nothing: the corpus or the index is wrong.");
                }
            }

            if (round >= 0)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return times;
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
