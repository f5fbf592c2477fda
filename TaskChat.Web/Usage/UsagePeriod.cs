namespace TaskChat.Web.Usage;

/// <summary>
/// The last <see cref="Days"/> calendar days in one time zone, today included, and the UTC instants
/// that bound them (rows are grouped by local day with <see cref="LocalDays"/>).
/// </summary>
public sealed class UsagePeriod
{
    public static readonly int[] Choices = [7, 30, 90];
    public const int MaxDays = 90;

    private UsagePeriod(TimeZoneInfo zone, DateOnly from, DateOnly to)
    {
        Zone = zone;
        From = from;
        To = to;
        StartUtc = StartOfDayUtc(from, zone);
        EndUtc = StartOfDayUtc(to.AddDays(1), zone);
    }

    public TimeZoneInfo Zone { get; }
    public DateOnly From { get; }
    public DateOnly To { get; }
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>Inclusive.</summary>
    public DateTime StartUtc { get; }

    /// <summary>Exclusive: the start of the day after <see cref="To"/>.</summary>
    public DateTime EndUtc { get; }

    public static UsagePeriod LastDays(int days, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return new UsagePeriod(zone, today.AddDays(1 - days), today);
    }

    public IEnumerable<DateOnly> Dates() => Enumerable.Range(0, Days).Select(From.AddDays);

    private static DateTime StartOfDayUtc(DateOnly date, TimeZoneInfo zone)
    {
        // Where the clocks jump forward at midnight, the day starts at the first time that exists.
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        // Where the clocks fall back across midnight (Havana), midnight comes twice; the day starts
        // at the first, under the larger offset. ConvertTimeToUtc would take the second and hand
        // the day's first hour to the day before.
        if (zone.IsAmbiguousTime(local))
        {
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
