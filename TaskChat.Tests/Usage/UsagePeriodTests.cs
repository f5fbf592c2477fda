using TaskChat.Web.Usage;

namespace TaskChat.Tests.Usage;

/// <summary>Days in a time zone, and the figures computed from them.</summary>
public sealed class UsagePeriodTests
{
    [Fact]
    public void LastSevenDaysEndTodayInTheUsersZone()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        // 20:00 UTC on March 3rd is already March 4th in Tokyo.
        var period = UsagePeriod.LastDays(7, tokyo, new DateTimeOffset(2026, 3, 3, 20, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 3, 4), period.To);
        Assert.Equal(new DateOnly(2026, 2, 26), period.From);
        Assert.Equal(new DateTime(2026, 2, 25, 15, 0, 0, DateTimeKind.Utc), period.StartUtc);
        Assert.Equal(new DateTime(2026, 3, 4, 15, 0, 0, DateTimeKind.Utc), period.EndUtc);
        Assert.Equal(7, period.Dates().Count());
    }

    [Fact]
    public void ADaylightSavingDayIsTwentyThreeHoursLong()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var period = UsagePeriod.LastDays(1, newYork, new DateTimeOffset(2026, 3, 8, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTime(2026, 3, 8, 5, 0, 0, DateTimeKind.Utc), period.StartUtc);
        Assert.Equal(new DateTime(2026, 3, 9, 4, 0, 0, DateTimeKind.Utc), period.EndUtc);

        // Days are grouped with the offset in force: -5 h until 07:00 UTC, -4 h from then.
        var week = UsagePeriod.LastDays(7, newYork, new DateTimeOffset(2026, 3, 10, 18, 0, 0, TimeSpan.Zero));
        Assert.Equal(
            [(week.StartUtc, TimeSpan.FromHours(-5)), (new DateTime(2026, 3, 8, 7, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(-4))],
            LocalDays.Stretches(week));
    }

    [Fact]
    public void ADayWhoseMidnightComesTwiceStartsAtTheFirst()
    {
        // Havana falls back from 01:00 to 00:00 on 1 November 2026: the day is 25 hours long.
        var havana = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");
        var period = UsagePeriod.LastDays(1, havana, new DateTimeOffset(2026, 11, 1, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTime(2026, 11, 1, 4, 0, 0, DateTimeKind.Utc), period.StartUtc);
        Assert.Equal(new DateTime(2026, 11, 2, 5, 0, 0, DateTimeKind.Utc), period.EndUtc);
        Assert.Equal(DateTimeKind.Utc, period.StartUtc.Kind);
        Assert.Equal([(period.StartUtc, TimeSpan.FromHours(-4)), (new DateTime(2026, 11, 1, 5, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(-5))], LocalDays.Stretches(period));
    }

    [Fact]
    public void QuarterHourZonesStartTheirDaysOnTheQuarterHour()
    {
        var kathmandu = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu"); // UTC+05:45
        var period = UsagePeriod.LastDays(2, kathmandu, new DateTimeOffset(2026, 6, 2, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTime(2026, 5, 31, 18, 15, 0, DateTimeKind.Utc), period.StartUtc);
        Assert.Equal([(period.StartUtc, new TimeSpan(5, 45, 0))], LocalDays.Stretches(period));
    }

    [Fact]
    public void NearestRankPercentilesAreObservedValues()
    {
        (long, int)[] histogram = [(300, 1), (100, 2), (900, 1), (200, 1)];

        Assert.Equal(200, Percentiles.NearestRank(histogram, 50));
        Assert.Equal(900, Percentiles.NearestRank(histogram, 95));
        Assert.Equal(100, Percentiles.NearestRank(histogram, 1));
        Assert.Null(Percentiles.NearestRank([], 50));
        Assert.Equal(7, Percentiles.NearestRank([(7, 3)], 95));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 3)]
    [InlineData(7, 8)]
    [InlineData(17, 20)]
    [InlineData(96, 100)]
    [InlineData(1234, 1500)]
    public void ChartScaleIsANiceNumberAboveTheLargestBar(int largest, int scale)
    {
        var chart = new BarChart("c", "C", [new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2)], [new BarSeries("S", "s", [largest, 0])]);

        Assert.Equal(scale, chart.Scale);
        var tallest = chart.Bars().First();
        Assert.Equal(BarChart.Height * largest / scale, tallest.Height, 6);
        Assert.Equal(BarChart.Height - tallest.Height, tallest.Y, 6);
    }
}
