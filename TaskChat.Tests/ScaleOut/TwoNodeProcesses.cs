using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.ScaleOut;

/// <summary>
/// Two TaskChat nodes as separate OS processes on one database and one real redis-server of
/// the test's own, for faults an in-process host cannot show: a node killed with SIGKILL, Redis
/// killed and started again. Each test makes its own, since it breaks them.
/// </summary>
public sealed class TwoNodeProcesses : IAsyncDisposable
{
    private TwoNodeProcesses(RedisServer redis, TestDatabase database, AppProcess a, AppProcess b)
    {
        Redis = redis;
        Database = database;
        A = a;
        B = b;
    }

    public RedisServer Redis { get; }
    public TestDatabase Database { get; }
    public AppProcess A { get; }
    public AppProcess B { get; }

    /// <param name="tokenDelayMs">The offline assistant's pace per word: slow enough to act mid-reply.</param>
    public static async Task<TwoNodeProcesses> StartAsync(int tokenDelayMs)
    {
        var redis = await RedisServer.StartAsync();
        TestDatabase? database = null;
        AppProcess? a = null;
        try
        {
            database = await TestDatabase.CreateAsync();
            var environment = new Dictionary<string, string?>(database.EnvironmentVariables)
            {
                ["ConnectionStrings__Redis"] = redis.ConnectionString,
                ["Assistant__Offline__TokenDelayMs"] = tokenDelayMs.ToString(),
            };
            a = await AppProcess.StartAsync(environment);
            var b = await AppProcess.StartAsync(environment);
            return new TwoNodeProcesses(redis, database, a, b);
        }
        catch
        {
            if (a is not null)
            {
                await a.DisposeAsync();
            }

            if (database is not null)
            {
                await database.DisposeAsync();
            }

            await redis.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Database.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
