using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Web.Usage;

/// <summary>
/// The aggregate queries behind the usage page, its API and the admin overview. Each runs in the
/// database and returns one row per group (a quarter hour, a tool and status, a model), never
/// one per message. A null user id means every user (the admin overview).
/// </summary>
internal static class UsageQueries
{
    public static IQueryable<Message> Replies(TaskChatDbContext db, Guid? userId, UsagePeriod period) =>
        db.Messages.AsNoTracking()
            .Where(m => m.Role == MessageRole.Assistant && m.CreatedAt >= period.StartUtc && m.CreatedAt < period.EndUtc)
            .Where(m => userId == null || m.Conversation!.UserId == userId);

    public static async Task<Dictionary<DateOnly, int>> PerDayAsync(IQueryable<DateTime> times, UsagePeriod period, CancellationToken cancellationToken)
    {
        var buckets = await times
            .GroupBy(t => new { t.Year, t.Month, t.Day, t.Hour, Quarter = t.Minute / 15 })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Day, g.Key.Hour, g.Key.Quarter, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return buckets
            .GroupBy(b => period.LocalDate(new DateTime(b.Year, b.Month, b.Day, b.Hour, b.Quarter * 15, 0, DateTimeKind.Utc)))
            .ToDictionary(g => g.Key, g => g.Sum(b => b.Count));
    }

    public static Task<Dictionary<DateOnly, int>> TurnsPerDayAsync(TaskChatDbContext db, Guid? userId, UsagePeriod period, CancellationToken cancellationToken) =>
        PerDayAsync(Replies(db, userId, period).Select(m => m.CreatedAt), period, cancellationToken);

    public static Task<Dictionary<DateOnly, int>> TasksCreatedPerDayAsync(TaskChatDbContext db, Guid userId, UsagePeriod period, CancellationToken cancellationToken) =>
        PerDayAsync(
            db.Tasks.AsNoTracking().Where(t => t.UserId == userId && t.CreatedAt >= period.StartUtc && t.CreatedAt < period.EndUtc).Select(t => t.CreatedAt),
            period, cancellationToken);

    public static Task<Dictionary<DateOnly, int>> TasksCompletedPerDayAsync(TaskChatDbContext db, Guid userId, UsagePeriod period, CancellationToken cancellationToken) =>
        PerDayAsync(
            db.Tasks.AsNoTracking()
                .Where(t => t.UserId == userId && t.CompletedAt >= period.StartUtc && t.CompletedAt < period.EndUtc)
                .Select(t => t.CompletedAt!.Value),
            period, cancellationToken);

    /// <summary>Calls still running are left out; a proposal that was answered still needed confirmation.</summary>
    public static async Task<List<ToolCallUsage>> ToolCallsAsync(TaskChatDbContext db, Guid? userId, UsagePeriod period, CancellationToken cancellationToken)
    {
        var groups = await db.ToolCalls.AsNoTracking()
            .Where(t => t.StartedAt >= period.StartUtc && t.StartedAt < period.EndUtc && t.Status != ToolCallStatus.Running)
            .Where(t => userId == null || t.Message!.Conversation!.UserId == userId)
            .GroupBy(t => new { t.Name, t.Status })
            .Select(g => new { g.Key.Name, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return groups
            .GroupBy(g => g.Name)
            .Select(g => new ToolCallUsage(
                g.Key,
                g.Where(s => s.Status == ToolCallStatus.Succeeded).Sum(s => s.Count),
                g.Where(s => s.Status == ToolCallStatus.Failed).Sum(s => s.Count),
                g.Where(s => s.Status is ToolCallStatus.NeedsConfirmation or ToolCallStatus.Confirmed or ToolCallStatus.Declined).Sum(s => s.Count)))
            .OrderByDescending(t => t.Total).ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
    }

    public static async Task<List<ModelUsage>> ModelsAsync(TaskChatDbContext db, Guid? userId, UsagePeriod period, CancellationToken cancellationToken)
    {
        var replies = Replies(db, userId, period);
        var totals = await replies
            .GroupBy(m => new { m.Provider, m.Model })
            .Select(g => new
            {
                g.Key.Provider,
                g.Key.Model,
                Turns = g.Count(),
                Input = g.Sum(m => m.InputTokens ?? 0),
                Output = g.Sum(m => m.OutputTokens ?? 0),
            })
            .ToListAsync(cancellationToken);

        // The distribution as (value, count) pairs: percentiles need every value, but many replies
        // share a millisecond figure, so this is far fewer rows than replies.
        var latencies = await replies
            .Where(m => m.FirstTokenMs != null)
            .GroupBy(m => new { m.Provider, m.Model, m.FirstTokenMs })
            .Select(g => new { g.Key.Provider, g.Key.Model, Ms = g.Key.FirstTokenMs!.Value, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return totals
            .Select(t =>
            {
                var histogram = latencies.Where(l => l.Provider == t.Provider && l.Model == t.Model).Select(l => ((long)l.Ms, l.Count)).ToList();
                return new ModelUsage(t.Provider, t.Model, t.Turns, t.Input, t.Output,
                    Percentiles.NearestRank(histogram, 50), Percentiles.NearestRank(histogram, 95));
            })
            .OrderByDescending(m => m.Turns).ThenBy(m => m.Provider, StringComparer.Ordinal).ThenBy(m => m.Model, StringComparer.Ordinal)
            .ToList();
    }
}
