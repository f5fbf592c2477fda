using System.Text.RegularExpressions;

namespace TaskChat.Web.Assistant.Offline.Understanding;

// The date phrasings, tried in order (longer phrasings first, so "the day after tomorrow" is not
// read as "tomorrow"). To teach the assistant a new one, add a line: a pattern and how it resolves.
public static partial class DateWords
{
    private sealed record DateRule(Regex Pattern, Func<Match, DateOnly, DateOnly?> Resolve);

    // What may come before a date and goes with it out of the title: "due on", "by", "before".
    private const string Lead = @"(?:\b(?:(?:it'?s\s+|its\s+)?due\s+(?:on\s+|by\s+)?|on\s+|by\s+|for\s+|before\s+|until\s+|till\s+|no\s+later\s+than\s+|starting\s+|from\s+)?)";
    // Whole names (and "tues", "thurs"): "sun" or "sat" alone are too often other words ("sun cream").
    private const string Weekdays = @"(?<day>monday|tues|tuesday|wednesday|weds|thurs|thursday|friday|saturday|sunday)";
    private const string Months = @"(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private const string Ordinal = @"(?<dom>[0-3]?\d)(?:st|nd|rd|th)?";
    private const string Amount = @"(?<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+few|few)";

    private static readonly DateRule[] Rules =
    [
        Date(@"(?<iso>\d{4}-\d{2}-\d{2})", (m, _) =>
            DateOnly.TryParseExact(m.Groups["iso"].Value, "yyyy-MM-dd", out var date) ? date : null),
        Date(@"(?:the\s+)?day\s+after\s+tomorrow", (_, today) => today.AddDays(2)),
        Date(@"(?:tomorrow|tmrw|tmr|tmrrw)(?:\s+(?:morning|afternoon|evening|night))?", (_, today) => today.AddDays(1)),
        Date(@"(?:today|tonight|tonite|this\s+(?:morning|afternoon|evening)|later\s+today|end\s+of\s+(?:the\s+)?day|eod)", (_, today) => today),
        Date($@"in\s+{Amount}\s+days?", (m, today) => Count(m.Groups["n"].Value) is { } n ? today.AddDays(n) : null),
        Date($@"in\s+{Amount}\s+weeks?", (m, today) => Count(m.Groups["n"].Value) is { } n ? today.AddDays(7 * n) : null),
        Date($@"in\s+{Amount}\s+months?", (m, today) => Count(m.Groups["n"].Value) is { } n ? today.AddMonths(n) : null),
        Date(@"(?:next|this\s+coming|the\s+coming)\s+weekend", (_, today) => ThisWeekend(today).AddDays(7)),
        Date(@"(?:this\s+|the\s+|over\s+the\s+)?weekend", (_, today) => ThisWeekend(today)),
        Date(@"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|month'?s\s+end|eom", (_, today) => EndOfMonth(today)),
        Date(@"(?:the\s+)?end\s+of\s+next\s+month", (_, today) => EndOfMonth(new DateOnly(today.Year, today.Month, 1).AddMonths(1))),
        Date(@"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week|eow", (_, today) =>
            today.DayOfWeek == DayOfWeek.Friday ? today : NextWeekday(today, DayOfWeek.Friday)),
        Date(@"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?year", (_, today) => new DateOnly(today.Year, 12, 31)),
        Date(@"next\s+week", (_, today) => NextMonday(today)),
        Date(@"next\s+month", (_, today) => new DateOnly(today.Year, today.Month, 1).AddMonths(1)),
        Date($@"(?:(?:next|this|this\s+coming|the\s+coming|coming)\s+)?{Weekdays}\b(?:\s+(?:morning|afternoon|evening|night))?", (m, today) =>
            Weekday(m.Groups["day"].Value) is { } day ? NextWeekday(today, day) : null),
        Date($@"{Months}\.?\s+{Ordinal}\b", (m, today) => MonthDay(m, today)),
        Date($@"(?:the\s+)?{Ordinal}\s+(?:of\s+)?{Months}\b", (m, today) => MonthDay(m, today)),
        Date(@"the\s+(?<dom>[0-3]?\d)(?:st|nd|rd|th)\b(?:\s+of\s+(?:the|this|next)\s+month)?", (m, today) =>
            NextDayOfMonth(today, int.Parse(m.Groups["dom"].Value))),
    ];

    private static DateRule Date(string phrase, Func<Match, DateOnly, DateOnly?> resolve) =>
        new(new Regex($@"{Lead}\b(?:{phrase})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), resolve);

    private static DateOnly? MonthDay(Match match, DateOnly today) =>
        Month(match.Groups["month"].Value) is { } month && int.TryParse(match.Groups["dom"].Value, out var day)
            ? NextMonthDay(today, month, day)
            : null;
}
