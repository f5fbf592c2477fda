using StackExchange.Redis;

namespace TaskChat.Web.ScaleOut;

/// <summary>
/// Compare-and-delete and compare-and-extend for a lease key, each one script that Redis runs
/// atomically. StackExchange.Redis's LockRelease/LockExtend are transactions (WATCH, GET,
/// MULTI, ...), and waiting for a transaction's reply holds the multiplexer's write lock: under
/// load every turn on the node paused behind a release (docs/benchmarks.md). A script is one
/// command like any other.
/// </summary>
internal static class RedisLeaseScripts
{
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
            return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    private const string ExtendScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
            return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 0
        """;

    // After Redis comes back (possibly empty), the nodes still running turns re-assert their
    // leases, so no other node takes those turns for dead ones. Only then: a heartbeat that took
    // a vanished key would revive the lease of a turn that ended between its snapshot of the
    // held leases and its script, and refuse the user's next send for the lease's lifetime.
    private const string ReassertScript = """
        local holder = redis.call('GET', KEYS[1])
        if holder == ARGV[1] then
            return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        if not holder then
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1
        end
        return 0
        """;

    /// <summary>Takes the lease if nobody holds it.</summary>
    public static Task<bool> TakeAsync(IDatabaseAsync database, RedisKey key, string owner, TimeSpan lifetime) =>
        database.StringSetAsync(key, owner, lifetime, When.NotExists);

    /// <summary>Deletes the lease only if <paramref name="owner"/> holds it; true if it did.</summary>
    public static async Task<bool> ReleaseAsync(IDatabaseAsync database, RedisKey key, string owner) =>
        (long)await database.ScriptEvaluateAsync(ReleaseScript, [key], [owner]) == 1;

    /// <summary>Extends the lease only if <paramref name="owner"/> holds it; false otherwise (gone or another's).</summary>
    public static async Task<bool> ExtendAsync(IDatabaseAsync database, RedisKey key, string owner, TimeSpan lifetime) =>
        (long)await database.ScriptEvaluateAsync(ExtendScript, [key], [owner, (long)lifetime.TotalMilliseconds]) == 1;

    /// <summary>
    /// Extends the lease if <paramref name="owner"/> holds it, or takes it if nobody does (Redis
    /// came back empty); false when another owner holds it.
    /// </summary>
    public static async Task<bool> ReassertAsync(IDatabaseAsync database, RedisKey key, string owner, TimeSpan lifetime) =>
        (long)await database.ScriptEvaluateAsync(ReassertScript, [key], [owner, (long)lifetime.TotalMilliseconds]) == 1;
}
