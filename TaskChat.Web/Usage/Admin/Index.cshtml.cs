using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TaskChat.Web.Data;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Usage.Admin;

/// <summary>
/// /admin: the overview for the accounts in Admin:Emails. Anyone else, signed in or not, gets the
/// same 404 as a page that does not exist, so the page does not even reveal that it is there.
/// </summary>
public sealed class AdminPageModel(Admins admins, AdminOverviewReader reader, IUserTimeZones zones, TaskChatDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Days { get; set; }

    public AdminOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true || !await admins.IsAdminAsync(db, User.GetUserId(), cancellationToken))
        {
            return NotFound();
        }

        Days = Days is { } days && UsagePeriod.Choices.Contains(days) ? days : UsagePeriod.Choices[0];
        var zone = await zones.FindAsync(User.GetUserId(), cancellationToken);
        Overview = await reader.ReadAsync(Days.Value, zone, cancellationToken);
        return Page();
    }

    public static string Percent(double rate) => rate.ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture);
}
