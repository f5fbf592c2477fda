using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskChat.Tests.Assistant.HeldOut;

/// <summary>One line of the held-out file: the messages sent and what the turn must leave behind.</summary>
public sealed partial record HeldOutCase(int Line, IReadOnlyList<string> Messages, string Kind, string Arguments)
{
    public string Text => string.Join(" >> ", Messages);

    public static IReadOnlyList<HeldOutCase> ReadAll(string path) =>
        File.ReadLines(path)
            .Select((line, index) => (line, index))
            .Where(l => l.line.Length > 0 && !l.line.StartsWith('#'))
            .Select(l => Parse(l.index + 1, l.line))
            .ToList();

    private static HeldOutCase Parse(int line, string text)
    {
        var parts = text.Split(" || ");
        if (parts.Length != 2)
        {
            throw new FormatException($"Line {line}: \"{text}\" is not \"message || expectation\".");
        }

        var messages = parts[0].Split(" >> ").Select(m => m.Trim().Replace("\\n", "\n")).ToList();
        var expectation = parts[1].Trim();
        var space = expectation.IndexOf(' ');
        return space < 0
            ? new HeldOutCase(line, messages, expectation, "")
            : new HeldOutCase(line, messages, expectation[..space], expectation[(space + 1)..].Trim());
    }

    public IReadOnlyList<int> Numbers() =>
        Arguments.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .TakeWhile(token => int.TryParse(token, out _))
            .Select(token => int.Parse(token, CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>"?4 ?6": tasks a reply may name as well.</summary>
    public IReadOnlyList<int> Optional() =>
        Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => t.StartsWith('?')).Select(t => int.Parse(t[1..], CultureInfo.InvariantCulture)).ToList();

    /// <summary>field=value pairs after the numbers (quoted values may hold spaces).</summary>
    public static Dictionary<string, string> Fields(string text) =>
        FieldPattern().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["value"].Value);

    /// <summary>add "Title" field=value ...; add ...: each new task's title and fields.</summary>
    public IReadOnlyList<(string Title, Dictionary<string, string> Fields)> NewTasks() =>
        Arguments.Split(';').Select(part => part.Trim()).Where(part => part.Length > 0)
            .Select(part => part.StartsWith("add ", StringComparison.Ordinal) ? part[4..].Trim() : part)
            .Select(part =>
            {
                var title = TitlePattern().Match(part);
                return (title.Groups[1].Value, Fields(part[(title.Index + title.Length)..]));
            })
            .ToList();

    /// <summary>The dates a date token allows (see the file's header).</summary>
    public static IReadOnlyList<string?> Dates(string token, DateOnly today) =>
        token.Split('/').Select(t => Date(t, today)).ToList();

    private static string? Date(string token, DateOnly today)
    {
        if (token == "none")
        {
            return null;
        }

        var plus = token.Split('+');
        var offset = plus.Length > 1 ? int.Parse(plus[1], CultureInfo.InvariantCulture) : 0;
        var day = plus[0] switch
        {
            "T" => today,
            "eom" => new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month)),
            "nextweek" => Next(today, DayOfWeek.Monday),
            var d when d.StartsWith('d') => NextDayOfMonth(today, int.Parse(d[1..], CultureInfo.InvariantCulture)),
            var md when md.Contains('-') => NextMonthDay(today, md),
            var weekday => Next(today, Enum.GetValues<DayOfWeek>().Single(w => w.ToString().StartsWith(weekday, StringComparison.OrdinalIgnoreCase))),
        };
        return day.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static DateOnly Next(DateOnly today, DayOfWeek day)
    {
        var days = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(days == 0 ? 7 : days);
    }

    private static DateOnly NextDayOfMonth(DateOnly today, int day)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        while (day > DateTime.DaysInMonth(month.Year, month.Month) || new DateOnly(month.Year, month.Month, day) < today)
        {
            month = month.AddMonths(1);
        }

        return new DateOnly(month.Year, month.Month, day);
    }

    private static DateOnly NextMonthDay(DateOnly today, string monthDay)
    {
        var parts = monthDay.Split('-').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var date = new DateOnly(today.Year, parts[0], parts[1]);
        return date < today ? date.AddYears(1) : date;
    }

    [GeneratedRegex("^\\s*\"([^\"]*)\"")]
    private static partial Regex TitlePattern();

    [GeneratedRegex("(?<name>[a-z]+)=(?:\"(?<quoted>[^\"]*)\"|(?<value>\\S+))")]
    private static partial Regex FieldPattern();
}
