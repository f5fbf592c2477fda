using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.ScaleOut;

/// <summary>Two TaskChat nodes sharing one database and one real Redis, as behind a load balancer.</summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public RedisServer Redis { get; private set; } = null!;
    public TestDatabase Database { get; private set; } = null!;
    public TaskChatApplication A { get; private set; } = null!;
    public TaskChatApplication B { get; private set; } = null!;

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = Redis.ConnectionString,
        ["Assistant:Offline:TokenDelayMs"] = "25",
    };

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        Database = await TestDatabase.CreateAsync();
        A = await TaskChatApplication.StartAsync(Settings, Database);
        B = await TaskChatApplication.StartAsync(Settings, Database);
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Database.DisposeAsync();
        await Redis.DisposeAsync();
    }

    public Task<TaskChatApplication> StartAnotherAsync() => TaskChatApplication.StartAsync(Settings, Database);
}
