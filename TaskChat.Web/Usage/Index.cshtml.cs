using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Usage;

/// <summary>The /usage page: the signed-in user's own figures, the same report as the API.</summary>
public sealed class UsagePageModel(UsageReader reader, IUserTimeZones zones) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Days { get; set; }

    public UsageReport Report { get; private set; } = null!;

    /// <summary>Named on the page: the days follow the account's zone, which pages move to the browser's.</summary>
    public string ZoneId { get; private set; } = "";
    public BarChart TurnsChart { get; private set; } = null!;
    public BarChart TasksChart { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Days = Days is { } days && UsagePeriod.Choices.Contains(days) ? days : UsagePeriod.Choices[0];
        Report = await reader.ReadAsync(User.GetUserId(), Days.Value, cancellationToken);
        ZoneId = (await zones.FindAsync(User.GetUserId(), cancellationToken)).Id;
        var dates = Report.PerDay.Select(d => d.Date).ToList();
        TurnsChart = new BarChart("turns-chart", "Turns per day", dates,
            [new BarSeries("Turns", "series-turns", Report.PerDay.Select(d => d.Turns).ToList())]);
        TasksChart = new BarChart("tasks-chart", "Tasks per day", dates,
        [
            new BarSeries("Created", "series-created", Report.PerDay.Select(d => d.TasksCreated).ToList()),
            new BarSeries("Completed", "series-completed", Report.PerDay.Select(d => d.TasksCompleted).ToList()),
        ]);
    }

    public static string Ms(long? value) => value is { } ms ? ms.ToString("N0") : "–";

    public static string ModelName(ModelUsage model) => model.Model ?? "Earlier replies (model not recorded)";
}
