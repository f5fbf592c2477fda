using Microsoft.AspNetCore.Identity;

namespace TaskChat.Web.Identity;

public sealed class AppUser : IdentityUser<Guid>
{
    /// <summary>
    /// The last task number handed out. Numbers are never reused, so this only grows;
    /// incrementing it in the task's transaction is what makes concurrent creates safe.
    /// </summary>
    public int LastTaskNumber { get; set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;

    /// <summary>The user's IANA time zone; "today", "overdue" and due dates are in it. New users start on UTC.</summary>
    public string TimeZone { get; set; } = TimeZones.Utc;
}
