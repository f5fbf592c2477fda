using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Web.Usage.Admin;

/// <summary>The admin overview's queries: the same aggregates as a user's page, over every user.</summary>
public sealed class AdminOverviewReader(TaskChatDbContext db, TimeProvider time)
{
    public const int SlowestCount = 10;

    public async Task<AdminOverview> ReadAsync(int days, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var period = UsagePeriod.LastDays(days, zone, now);
        var users = await db.Users.CountAsync(cancellationToken);
        var newUsers = await db.Users.CountAsync(u => u.CreatedAt >= period.StartUtc && u.CreatedAt < period.EndUtc, cancellationToken);

        var statuses = await UsageQueries.Replies(db, null, period)
            .GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var dayAgo = now.UtcDateTime.AddDays(-1);
        var slowest = await db.Messages.AsNoTracking()
            .Where(m => m.Role == MessageRole.Assistant && m.CreatedAt >= dayAgo && m.FirstTokenMs != null)
            .OrderByDescending(m => m.FirstTokenMs)
            .Take(SlowestCount)
            .Select(m => new SlowFirstToken(m.CreatedAt, m.Provider, m.Model, m.FirstTokenMs!.Value, m.Status))
            .ToListAsync(cancellationToken);

        return new AdminOverview(
            period.From, period.To, users, newUsers,
            await ActiveUsersPerDayAsync(period, cancellationToken),
            statuses.Sum(s => s.Count),
            statuses.Where(s => s.Status == MessageStatus.Failed).Sum(s => s.Count),
            statuses.Where(s => s.Status == MessageStatus.Interrupted).Sum(s => s.Count),
            await UsageQueries.ToolCallsAsync(db, null, period, cancellationToken),
            await UsageQueries.ModelsAsync(db, null, period, cancellationToken),
            slowest);
    }

    /// <summary>A user is active on a day they had at least one turn.</summary>
    private async Task<List<ActiveUsersDay>> ActiveUsersPerDayAsync(UsagePeriod period, CancellationToken cancellationToken)
    {
        var days = await UsageQueries.Replies(db, null, period)
            .GroupBy(m => LocalDays.Of(m.CreatedAt))
            .Select(g => new { Day = g.Key, Users = g.Select(m => m.Conversation!.UserId).Distinct().Count() })
            .InZone(period)
            .ToListAsync(cancellationToken);
        var perDay = days.ToDictionary(d => DateOnly.FromDateTime(d.Day), d => d.Users);
        return period.Dates().Select(date => new ActiveUsersDay(date, perDay.GetValueOrDefault(date))).ToList();
    }
}
