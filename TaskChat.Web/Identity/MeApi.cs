using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Data;
using TaskChat.Web.Tasks;
using TaskChat.Web.Tasks.Live;

namespace TaskChat.Web.Identity;

public sealed record MeDto(Guid UserId, string Email, string TimeZone);

public sealed record UpdateMeRequest(string? TimeZone);

/// <summary><c>/api/v1/me</c>: who is signed in, and the time zone every "today" of theirs is computed in.</summary>
internal static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Me").RequireAuthorization();
        me.MapGet("/", GetAsync);
        me.MapPatch("/", UpdateAsync);
        return app;
    }

    private static async Task<Results<Ok<MeDto>, NotFound>> GetAsync(ClaimsPrincipal user, TaskChatDbContext db, CancellationToken cancellationToken) =>
        await FindAsync(db, user.GetUserId(), cancellationToken) is { } me ? TypedResults.Ok(ToDto(me)) : TypedResults.NotFound();

    private static async Task<Results<Ok<MeDto>, ValidationProblem, NotFound>> UpdateAsync(
        UpdateMeRequest request, ClaimsPrincipal user, TaskChatDbContext db, TaskChangeNotifier notifier, TaskCalendar calendar,
        CancellationToken cancellationToken)
    {
        var zone = request.TimeZone?.Trim();
        if (!TimeZones.IsKnown(zone))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["time_zone"] = [zone is null
                    ? "A time zone is required, as an IANA id such as Europe/Paris."
                    : $"\"{(zone.Length > 64 ? zone[..64] + "…" : zone)}\" is not a time zone this server knows. Use an IANA id such as Europe/Paris."],
            });
        }

        var me = await FindAsync(db, user.GetUserId(), cancellationToken);
        if (me is null)
        {
            return TypedResults.NotFound();
        }

        if (me.TimeZone != zone)
        {
            me.TimeZone = zone!;
            await db.SaveChangesAsync(cancellationToken);
            calendar.Forget(me.Id);
            // "Today" moved: every open page of this user shows its tasks against the new day.
            await notifier.ChangedAsync(me.Id, []);
        }

        return TypedResults.Ok(ToDto(me));
    }

    private static Task<AppUser?> FindAsync(TaskChatDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);

    private static MeDto ToDto(AppUser user) => new(user.Id, user.Email ?? user.UserName ?? "", user.TimeZone);
}
