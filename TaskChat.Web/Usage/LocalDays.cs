using System.Linq.Expressions;
using System.Reflection;

namespace TaskChat.Web.Usage;

/// <summary>
/// Lets a query group rows by the calendar day in the user's zone inside the database, on both
/// providers, without time zone support in SQL. A query writes <c>LocalDays.Of(row.CreatedAt)</c>;
/// <see cref="InZone{T}"/> replaces each such call with "the UTC time plus the zone's offset, cut to
/// the day", where the offset is a constant per stretch of the period: one stretch, or a few when
/// daylight saving time starts or ends inside it. Each query then returns a row per day, not per row.
/// </summary>
public static class LocalDays
{
    private static readonly MethodInfo OfMethod = typeof(LocalDays).GetMethod(nameof(Of))!;
    private static readonly MethodInfo AddMinutes = typeof(DateTime).GetMethod(nameof(DateTime.AddMinutes))!;

    /// <summary>A marker for queries; never runs.</summary>
    public static DateTime Of(DateTime utc) => throw new InvalidOperationException("LocalDays.Of only works inside a query passed to LocalDays.InZone.");

    public static IQueryable<T> InZone<T>(this IQueryable<T> query, UsagePeriod period) =>
        query.Provider.CreateQuery<T>(new Inliner(Stretches(period)).Visit(query.Expression));

    /// <summary>Where the zone's offset changes within the period, and the offset from there on.</summary>
    internal static List<(DateTime FromUtc, TimeSpan Offset)> Stretches(UsagePeriod period)
    {
        var stretches = new List<(DateTime FromUtc, TimeSpan Offset)> { (period.StartUtc, period.Zone.GetUtcOffset(period.StartUtc)) };
        // Offsets change on quarter hours, so stepping by a quarter hour finds every change.
        for (var at = period.StartUtc.AddMinutes(15); at < period.EndUtc; at = at.AddMinutes(15))
        {
            var offset = period.Zone.GetUtcOffset(at);
            if (offset != stretches[^1].Offset)
            {
                stretches.Add((at, offset));
            }
        }

        return stretches;
    }

    private sealed class Inliner(List<(DateTime FromUtc, TimeSpan Offset)> stretches) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method != OfMethod)
            {
                return base.VisitMethodCall(node);
            }

            var utc = Visit(node.Arguments[0]);
            Expression local = Shift(utc, stretches[^1].Offset);
            for (var i = stretches.Count - 1; i > 0; i--)
            {
                local = Expression.Condition(Expression.LessThan(utc, Expression.Constant(stretches[i].FromUtc)), Shift(utc, stretches[i - 1].Offset), local);
            }

            return Expression.Property(local, nameof(DateTime.Date));
        }

        private static Expression Shift(Expression utc, TimeSpan offset) =>
            Expression.Call(utc, AddMinutes, Expression.Constant(offset.TotalMinutes));
    }
}
