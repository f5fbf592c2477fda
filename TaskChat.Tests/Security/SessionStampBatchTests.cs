using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Data;
using TaskChat.Web.Security;

namespace TaskChat.Tests.Security;

/// <summary>
/// The periodic check of open connections loads the stamps of all their users together
/// (<see cref="SessionValidator.LoadAsync"/>); what it decides must be what one-by-one checks
/// decide: a changed stamp (a password changed on another node) and a deleted account both end
/// the session, an unchanged one keeps it.
/// </summary>
public sealed class SessionStampBatchTests
{
    [Fact]
    public async Task BatchLoadedStampsEndChangedAndDeletedSessionsAndKeepTheRest()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var kept = await app.CreateUserAsync();
        var changed = await app.CreateUserAsync();
        var deleted = await app.CreateUserAsync();
        var principals = new Dictionary<Guid, ClaimsPrincipal>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
            foreach (var user in await db.Users.Where(u => u.Id == kept.UserId || u.Id == changed.UserId || u.Id == deleted.UserId).ToListAsync())
            {
                principals[user.Id] = Principal(user.Id, user.SecurityStamp!);
            }

            // As another node would: the rows change behind this node's back, so nothing here is told to forget.
            await db.Users.Where(u => u.Id == changed.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.SecurityStamp, Guid.NewGuid().ToString("N")));
            await db.Users.Where(u => u.Id == deleted.UserId).ExecuteDeleteAsync();
        }

        // The stamps as they were are still cached from sign-up; a fresh node has none cached.
        var sessions = app.Services.GetRequiredService<SessionValidator>();
        foreach (var userId in principals.Keys)
        {
            sessions.Forget(userId);
        }

        await sessions.LoadAsync([.. principals.Keys]);

        Assert.True(await sessions.IsCurrentAsync(principals[kept.UserId]));
        Assert.False(await sessions.IsCurrentAsync(principals[changed.UserId]));
        Assert.False(await sessions.IsCurrentAsync(principals[deleted.UserId]));
    }

    private static ClaimsPrincipal Principal(Guid userId, string stamp) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(TokenStamps.ClaimType, TokenStamps.Digest(stamp))],
            "test"));
}
