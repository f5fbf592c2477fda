using System.Diagnostics;

namespace TaskChat.Bench.Servers;

/// <summary>
/// A diagnostic for finding where a turn's time goes: with TASKCHAT_BENCH_TRACE_DB=1 the server
/// process logs every Npgsql command (start, duration, SQL) to its log file. Off by default: it
/// costs a line per database command.
/// </summary>
internal static class DatabaseTrace
{
    public const string Variable = "TASKCHAT_BENCH_TRACE_DB";

    public static IDisposable? StartIfAsked()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            return null;
        }

        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var sql = activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement") ?? activity.DisplayName;
                var oneLine = sql.ToString()!.ReplaceLineEndings(" ");
                Console.Out.WriteLine(
                    $"db {activity.StartTimeUtc:HH:mm:ss.ffffff} {activity.Duration.TotalMilliseconds,8:0.000} ms t{Environment.CurrentManagedThreadId} {oneLine[..Math.Min(oneLine.Length, 160)]}");
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
