using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TaskChat.Web.Data;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Tasks;

/// <summary>
/// Finds a user's "today" from the injected clock (tests replace it) and the zone stored on their
/// account. Every turn asks (its system prompt says what today is), so the zone is cached per node
/// for <see cref="CacheFor"/>: a change made on this node is seen at once (<see cref="Forget"/>),
/// one made on another node within that time.
/// </summary>
public sealed class TaskCalendar(TaskChatDbContext db, TimeProvider time, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    public async Task<UserToday> TodayAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        if (!cache.TryGetValue(Key(userId), out string? zone) || zone is null)
        {
            var stored = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZone).SingleOrDefaultAsync(cancellationToken);
            zone = stored ?? TimeZones.Utc;
            cache.Set(Key(userId), zone, CacheFor);
        }

        return UserToday.At(time.GetUtcNow(), zone);
    }

    /// <summary>Drops the cached zone after this node changed it.</summary>
    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => $"time-zone:{userId}";
}
