using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>
/// Due dates in the words people use: "tomorrow", "on Friday", "in 2 weeks", "the 15th",
/// "January 5", "end of the month", "this weekend". Every date is relative to the "today" it is
/// given, which is today in the user's time zone. A weekday means the next one after today
/// ("Friday" said on a Friday is a week away); "next week" is next Monday.
/// </summary>
public static partial class DateWords
{
    /// <summary>The first date phrase in the text, with the text left once it (and its "on", "by", "due") is taken out.</summary>
    public static (DateOnly? Date, string Remainder) Extract(string text, DateOnly today)
    {
        foreach (var rule in Rules)
        {
            var match = rule.Pattern.Match(text);
            if (!match.Success || rule.Resolve(match, today) is not { } date)
            {
                continue;
            }

            var rest = (text[..match.Index] + " " + text[(match.Index + match.Length)..]).Trim();
            return (date, Tidy(rest));
        }

        return (null, text);
    }

    /// <summary>A date phrase that is the whole text ("friday", "by the 20th"), or null.</summary>
    public static DateOnly? Whole(string text, DateOnly today)
    {
        var (date, rest) = Extract(text, today);
        return date is not null && rest.Length == 0 ? date : null;
    }

    public static DateOnly NextWeekday(DateOnly today, DayOfWeek day)
    {
        var days = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(days == 0 ? 7 : days);
    }

    public static DateOnly NextMonday(DateOnly today) => NextWeekday(today, DayOfWeek.Monday);

    public static DateOnly EndOfMonth(DateOnly today) => new(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month));

    /// <summary>The next day of month <paramref name="day"/>, today included, skipping months that lack it.</summary>
    public static DateOnly? NextDayOfMonth(DateOnly today, int day)
    {
        if (day is < 1 or > 31)
        {
            return null;
        }

        var month = new DateOnly(today.Year, today.Month, 1);
        for (var i = 0; i < 13; i++, month = month.AddMonths(1))
        {
            if (day <= DateTime.DaysInMonth(month.Year, month.Month) && new DateOnly(month.Year, month.Month, day) >= today)
            {
                return new DateOnly(month.Year, month.Month, day);
            }
        }

        return null;
    }

    /// <summary>The next <paramref name="month"/>/<paramref name="day"/>, today included.</summary>
    public static DateOnly? NextMonthDay(DateOnly today, int month, int day)
    {
        for (var year = today.Year; year <= today.Year + 4; year++)
        {
            if (day >= 1 && day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) >= today)
            {
                return new DateOnly(year, month, day);
            }
        }

        return null;
    }

    public static DateOnly ThisWeekend(DateOnly today) =>
        today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? today : NextWeekday(today, DayOfWeek.Saturday);

    public static int? Count(string word) => word.ToLowerInvariant() switch
    {
        "a" or "an" or "one" => 1,
        "a couple of" or "a couple" or "couple of" or "two" => 2,
        "a few" or "few" or "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        var digits => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < 1000 ? n : null,
    };

    public static DayOfWeek? Weekday(string word) => word.ToLowerInvariant()[..3] switch
    {
        "mon" => DayOfWeek.Monday,
        "tue" => DayOfWeek.Tuesday,
        "wed" => DayOfWeek.Wednesday,
        "thu" => DayOfWeek.Thursday,
        "fri" => DayOfWeek.Friday,
        "sat" => DayOfWeek.Saturday,
        "sun" => DayOfWeek.Sunday,
        _ => null,
    };

    public static int? Month(string word) =>
        Array.FindIndex(MonthNames, name => word.ToLowerInvariant().StartsWith(name, StringComparison.Ordinal)) is var i and >= 0 ? i + 1 : null;

    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>What is left of a title once a date came out of its middle: no dangling "on", "by", commas.</summary>
    private static string Tidy(string rest) =>
        DanglingEnd().Replace(DoubleSpace().Replace(rest, " "), "").Trim();

    [GeneratedRegex(@"(?:[\s,;:\-–]+(?:on|by|for|due|due\s+on|due\s+by|before|until|till|at|and|it'?s|its|is))*[\s,;:\-–]*$", RegexOptions.IgnoreCase)]
    private static partial Regex DanglingEnd();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex DoubleSpace();
}
