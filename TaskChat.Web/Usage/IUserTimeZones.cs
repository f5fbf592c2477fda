namespace TaskChat.Web.Usage;

/// <summary>The time zone a user's days are counted in.</summary>
public interface IUserTimeZones
{
    Task<TimeZoneInfo> FindAsync(Guid userId, CancellationToken cancellationToken);
}
