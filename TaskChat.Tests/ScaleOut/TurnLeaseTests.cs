using StackExchange.Redis;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.ScaleOut;

namespace TaskChat.Tests.ScaleOut;

/// <summary>A turn lease keeps its compare-and-set meaning: only its holder can release or extend it.</summary>
public sealed class TurnLeaseTests : IAsyncLifetime
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(4);

    private RedisServer redis = null!;
    private ConnectionMultiplexer connection = null!;

    private IDatabase Database => connection.GetDatabase();

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await connection.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task ANodeCannotReleaseAnotherNodesLease()
    {
        var key = NewKey();
        Assert.True(await RedisLeaseScripts.TakeAsync(Database, key, "node-a", Lifetime));
        Assert.False(await RedisLeaseScripts.TakeAsync(Database, key, "node-b", Lifetime));

        Assert.False(await RedisLeaseScripts.ReleaseAsync(Database, key, "node-b"));
        Assert.Equal("node-a", (string?)await Database.StringGetAsync(key));

        Assert.True(await RedisLeaseScripts.ReleaseAsync(Database, key, "node-a"));
        Assert.False(await Database.KeyExistsAsync(key));
        Assert.True(await RedisLeaseScripts.TakeAsync(Database, key, "node-b", Lifetime));
    }

    [Fact]
    public async Task ANodeCannotExtendAnotherNodesLeaseButItsHolderCan()
    {
        var key = NewKey();
        Assert.True(await RedisLeaseScripts.TakeAsync(Database, key, "node-a", TimeSpan.FromSeconds(2)));

        Assert.False(await RedisLeaseScripts.ExtendAsync(Database, key, "node-b", TimeSpan.FromSeconds(60)));
        Assert.Equal("node-a", (string?)await Database.StringGetAsync(key));
        Assert.True(await Database.KeyTimeToLiveAsync(key) <= TimeSpan.FromSeconds(2));

        Assert.True(await RedisLeaseScripts.ExtendAsync(Database, key, "node-a", TimeSpan.FromSeconds(60)));
        Assert.True(await Database.KeyTimeToLiveAsync(key) > TimeSpan.FromSeconds(50));
    }

    [Fact]
    public async Task AHolderWhoseLeaseVanishedTakesItBackButNotOnceAnotherNodeHasIt()
    {
        // Redis restarted empty: the node still running the turn re-asserts its lease.
        var key = NewKey();
        Assert.True(await RedisLeaseScripts.ReassertAsync(Database, key, "node-a", Lifetime));
        Assert.Equal("node-a", (string?)await Database.StringGetAsync(key));

        // Expired and taken over (the other node declared the turn dead): no taking it back.
        await Database.KeyDeleteAsync(key);
        Assert.True(await RedisLeaseScripts.TakeAsync(Database, key, "node-b", Lifetime));
        Assert.False(await RedisLeaseScripts.ReassertAsync(Database, key, "node-a", Lifetime));
        Assert.False(await RedisLeaseScripts.ExtendAsync(Database, key, "node-a", Lifetime));
        Assert.Equal("node-b", (string?)await Database.StringGetAsync(key));
    }

    [Fact]
    public async Task AHeartbeatAfterTheReleaseDoesNotReviveTheLease()
    {
        // The heartbeat took its list of held leases just before the turn ended and released.
        var key = NewKey();
        Assert.True(await RedisLeaseScripts.TakeAsync(Database, key, "node-a", Lifetime));
        Assert.True(await RedisLeaseScripts.ReleaseAsync(Database, key, "node-a"));

        Assert.False(await RedisLeaseScripts.ExtendAsync(Database, key, "node-a", Lifetime));
        Assert.False(await Database.KeyExistsAsync(key));
        Assert.True(await RedisLeaseScripts.TakeAsync(Database, key, "node-b", Lifetime));
    }

    private static RedisKey NewKey() => RedisKeys.TurnLease(Guid.NewGuid());
}
