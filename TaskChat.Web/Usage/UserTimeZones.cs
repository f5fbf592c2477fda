namespace TaskChat.Web.Usage;

/// <summary>Every user's days are UTC days until accounts carry a time zone of their own.</summary>
internal sealed class UserTimeZones : IUserTimeZones
{
    public Task<TimeZoneInfo> FindAsync(Guid userId, CancellationToken cancellationToken) => Task.FromResult(TimeZoneInfo.Utc);
}
