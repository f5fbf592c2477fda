using System.Globalization;

namespace TaskChat.Web.Tasks;

/// <summary>Due dates the way people read them: "Today", "Tomorrow", "Yesterday", "Fri 4 Dec", "Mon 4 Jan 2027".</summary>
public static class DueDates
{
    public static string Describe(DateOnly due, DateOnly today)
    {
        var days = due.DayNumber - today.DayNumber;
        return days switch
        {
            0 => "Today",
            1 => "Tomorrow",
            -1 => "Yesterday",
            _ => due.ToString(due.Year == today.Year ? "ddd d MMM" : "ddd d MMM yyyy", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The wire form, <c>YYYY-MM-DD</c>, as a date input wants it too.</summary>
    public static string Iso(DateOnly date) => date.ToString(TaskRules.DateFormat, CultureInfo.InvariantCulture);
}
