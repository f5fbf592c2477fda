using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Data;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Tasks;

/// <summary>Finds a user's "today" from the injected clock (tests replace it) and the zone stored on their account.</summary>
public sealed class TaskCalendar(TaskChatDbContext db, TimeProvider time)
{
    public async Task<UserToday> TodayAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var zone = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZone).SingleOrDefaultAsync(cancellationToken);
        return UserToday.At(time.GetUtcNow(), zone ?? TimeZones.Utc);
    }
}
