using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Data;

namespace TaskChat.Web.Usage.Admin;

/// <summary>
/// The accounts named in <c>Admin:Emails</c>: a list (<c>Admin:Emails:0</c>, ...) or one string
/// separated by commas or semicolons (<c>Admin__Emails="a@example.org,b@example.org"</c>).
/// Empty by default, so nobody sees the overview unless an operator says so.
/// </summary>
public sealed class Admins
{
    private readonly HashSet<string> normalizedEmails;

    public Admins(IConfiguration configuration)
    {
        var section = configuration.GetSection("Admin:Emails");
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(child => child.Value ?? "");
        normalizedEmails = values
            .SelectMany(value => value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(email => email.ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);
        foreach (var email in normalizedEmails.Where(email => !email.Contains('@')))
        {
            throw new InvalidOperationException($"Admin:Emails holds '{email.ToLowerInvariant()}', which is not an email address. See the README.");
        }
    }

    public int Count => normalizedEmails.Count;

    /// <summary>Read from the account, not from a claim, so a changed email or a stale token cannot pass.</summary>
    public async Task<bool> IsAdminAsync(TaskChatDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        if (normalizedEmails.Count == 0)
        {
            return false;
        }

        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).FirstOrDefaultAsync(cancellationToken);
        return email is not null && normalizedEmails.Contains(email);
    }
}
