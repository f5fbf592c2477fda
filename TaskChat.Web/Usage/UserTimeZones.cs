using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Data;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Usage;

/// <summary>The zone the account chose (GET/PATCH /api/v1/me); UTC for an account that chose none.</summary>
internal sealed class UserTimeZones(TaskChatDbContext db) : IUserTimeZones
{
    public async Task<TimeZoneInfo> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        var zone = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZone).SingleOrDefaultAsync(cancellationToken);
        return TimeZones.Find(zone);
    }
}
