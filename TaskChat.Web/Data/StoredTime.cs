
namespace TaskChat.Web.Data;

public static class StoredTime
{
    /// <summary>
    /// Now, at the precision PostgreSQL stores (whole microseconds), so what an endpoint returns
    /// right after a write carries the same timestamps as what it reads back later.
    /// </summary>
    public static DateTime UtcNowForStorage(this TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }
}
