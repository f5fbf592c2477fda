using TaskChat.Web.Data;

namespace TaskChat.Web.Usage;

/// <summary>One user's figures over a period, in their time zone: what /usage and its API show.</summary>
public sealed class UsageReader(TaskChatDbContext db, IUserTimeZones zones, TimeProvider time)
{
    public async Task<UsageReport> ReadAsync(Guid userId, int days, CancellationToken cancellationToken)
    {
        var zone = await zones.FindAsync(userId, cancellationToken);
        var period = UsagePeriod.LastDays(days, zone, time.GetUtcNow());

        // One context runs one query at a time; these are short, indexed and run one after another.
        var turns = await UsageQueries.TurnsPerDayAsync(db, userId, period, cancellationToken);
        var created = await UsageQueries.TasksCreatedPerDayAsync(db, userId, period, cancellationToken);
        var completed = await UsageQueries.TasksCompletedPerDayAsync(db, userId, period, cancellationToken);
        var toolCalls = await UsageQueries.ToolCallsAsync(db, userId, period, cancellationToken);
        var models = await UsageQueries.ModelsAsync(db, userId, period, cancellationToken);

        var perDay = period.Dates()
            .Select(date => new DayUsage(date, turns.GetValueOrDefault(date), created.GetValueOrDefault(date), completed.GetValueOrDefault(date)))
            .ToList();
        return new UsageReport(
            period.From, period.To,
            perDay.Sum(d => d.Turns), perDay.Sum(d => d.TasksCreated), perDay.Sum(d => d.TasksCompleted),
            toolCalls, perDay, models);
    }
}
