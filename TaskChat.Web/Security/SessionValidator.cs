using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TaskChat.Web.Data;

namespace TaskChat.Web.Security;

/// <summary>
/// Whether a signed-in principal (a JWT's or a cookie's) still stands for a live session: its
/// subject is a user id, the user exists, and the security stamp it was issued with is the
/// current one. Stamps are cached for a few seconds per node so that a busy API does not read
/// the user row on every request; a change made on this node is seen at once (<see cref="Forget"/>),
/// one made on another node within <see cref="CacheFor"/>.
/// </summary>
public sealed class SessionValidator(IServiceScopeFactory scopes, IMemoryCache cache, IOptions<IdentityOptions> identity)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    /// <summary>Users per query when many stamps are loaded at once; keeps parameters well under every provider's limit.</summary>
    private const int BatchSize = 500;

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return false;
        }

        var stamp = await CurrentStampAsync(userId, cancellationToken);
        if (stamp is null)
        {
            return false;
        }

        if (principal.FindFirstValue(TokenStamps.ClaimType) is { } digest)
        {
            return TokenStamps.Matches(digest, stamp);
        }

        // The Identity cookie carries the stamp itself.
        return principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) == stamp;
    }

    /// <summary>
    /// Reads the stamps of many users in a few queries and caches them, so that a check of every
    /// open connection (<see cref="SessionSweeper"/>) costs a query per <see cref="BatchSize"/>
    /// users rather than one per user: at 1,000 idle connections that was 1,000 queries a sweep.
    /// </summary>
    public async Task LoadAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        var missing = userIds.Where(id => !cache.TryGetValue(Key(id), out _)).Distinct().ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        foreach (var batch in missing.Chunk(BatchSize))
        {
            var stamps = await db.Users.AsNoTracking().Where(user => batch.Contains(user.Id))
                .Select(user => new { user.Id, user.SecurityStamp })
                .ToDictionaryAsync(user => user.Id, user => user.SecurityStamp ?? "", cancellationToken);
            foreach (var userId in batch)
            {
                cache.Set(Key(userId), new StampEntry(stamps.GetValueOrDefault(userId)), CacheFor);
            }
        }
    }

    /// <summary>Drops the cached stamp after this node changed it (password, sign out everywhere, deletion).</summary>
    public void Forget(Guid userId) => cache.Remove(Key(userId));

    /// <summary>The user's stamp, or null when the user does not exist (a deleted account).</summary>
    private async Task<string?> CurrentStampAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(userId), out StampEntry? cached) && cached is not null)
        {
            return cached.Stamp;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var row = await db.Users.AsNoTracking().Where(user => user.Id == userId)
            .Select(user => new StampEntry(user.SecurityStamp ?? ""))
            .FirstOrDefaultAsync(cancellationToken);
        var entry = row ?? new StampEntry(null);
        cache.Set(Key(userId), entry, CacheFor);
        return entry.Stamp;
    }

    private static string Key(Guid userId) => $"security-stamp:{userId}";

    private sealed record StampEntry(string? Stamp);
}
