using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Data;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Tasks;

/// <summary>
/// Finds a user's "today" from the injected clock (tests replace it) and the zone stored on their account.
/// The zone is read once per scope (a request, or a turn with its tool calls), not once per question.
/// </summary>
public sealed class TaskCalendar(TaskChatDbContext db, TimeProvider time)
{
    private (Guid UserId, string Zone)? known;

    public async Task<UserToday> TodayAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        if (known is not { } zone || zone.UserId != userId)
        {
            var stored = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZone).SingleOrDefaultAsync(cancellationToken);
            known = zone = (userId, stored ?? TimeZones.Utc);
        }

        return UserToday.At(time.GetUtcNow(), zone.Zone);
    }
}
