using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Tasks;

/// <summary>
/// An app whose clock stands still at a chosen instant, for "today" tests. The instant is in the
/// recent past and tokens are long-lived, so whichever clock validates a JWT still accepts it.
/// </summary>
internal static class FixedClock
{
    /// <summary>Yesterday (UTC) at 10:30: the one hour of a day in which UTC, Kiritimati (UTC+14) and Pago Pago (UTC−11) are on three different dates.</summary>
    public static DateTimeOffset YesterdayAtHalfPastTen =>
        new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1), TimeSpan.Zero).AddHours(10.5);

    public static async Task<(TaskChatApplication App, FakeTimeProvider Clock)> StartAsync(DateTimeOffset now)
    {
        var clock = new FakeTimeProvider(now);
        var app = await TaskChatApplication.StartAsync(
            new Dictionary<string, string?> { ["Jwt:LifetimeMinutes"] = "43200" },
            configureServices: services => services.AddSingleton<TimeProvider>(clock));
        return (app, clock);
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
