using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Web.Usage;

/// <summary>
/// The aggregate queries behind the usage page, its API and the admin overview. Each runs in the
/// database and returns one row per group (a local day, a tool and status, a model), never
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
        var days = await times
            .GroupBy(t => LocalDays.Of(t))
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .InZone(period)
            .ToListAsync(cancellationToken);
        return days.ToDictionary(d => DateOnly.FromDateTime(d.Day), d => d.Count);
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

    /// <summary>
    /// The tool calls of the period's replies (calls still running are left out); a proposal that
    /// was answered still needed confirmation. Reached through the replies, so the reply index
    /// narrows the user's rows before any tool call is read.
    /// </summary>
    public static async Task<List<ToolCallUsage>> ToolCallsAsync(TaskChatDbContext db, Guid? userId, UsagePeriod period, CancellationToken cancellationToken)
    {
        var groups = await Replies(db, userId, period)
            .SelectMany(m => m.ToolCalls)
            .Where(t => t.Status != ToolCallStatus.Running)
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

    /// <summary>
    /// Each model's turns, tokens and first-token percentiles from one scan, grouped by model and
    /// first-token time: percentiles need the whole distribution, and as (value, count) pairs it is
    /// far fewer rows than replies, since many share a millisecond figure.
    /// </summary>
    public static async Task<List<ModelUsage>> ModelsAsync(TaskChatDbContext db, Guid? userId, UsagePeriod period, CancellationToken cancellationToken)
    {
        var groups = await Replies(db, userId, period)
            .GroupBy(m => new { m.Provider, m.Model, m.FirstTokenMs })
            .Select(g => new
            {
                g.Key.Provider,
                g.Key.Model,
                g.Key.FirstTokenMs,
                Turns = g.Count(),
                Input = g.Sum(m => m.InputTokens ?? 0),
                Output = g.Sum(m => m.OutputTokens ?? 0),
            })
            .ToListAsync(cancellationToken);

        return groups
            .GroupBy(g => (g.Provider, g.Model))
            .Select(model =>
            {
                var histogram = model.Where(g => g.FirstTokenMs != null).Select(g => ((long)g.FirstTokenMs!.Value, g.Turns)).ToList();
                return new ModelUsage(model.Key.Provider, model.Key.Model, model.Sum(g => g.Turns), model.Sum(g => g.Input), model.Sum(g => g.Output),
                    Percentiles.NearestRank(histogram, 50), Percentiles.NearestRank(histogram, 95));
            })
            .OrderByDescending(m => m.Turns).ThenBy(m => m.Provider, StringComparer.Ordinal).ThenBy(m => m.Model, StringComparer.Ordinal)
            .ToList();
    }
}
