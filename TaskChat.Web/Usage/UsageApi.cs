using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Usage;

internal static class UsageApi
{
    public static IEndpointRouteBuilder MapUsageApi(this IEndpointRouteBuilder app)
    {
        // A user's own figures only: the user id comes from the credentials, never from the query.
        var api = app.MapGroup("/api/v1/usage").WithTags("Usage").RequireAuthorization();
        api.MapGet("/", GetUsageAsync);
        return app;
    }

    private static async Task<Results<Ok<UsageReport>, ValidationProblem>> GetUsageAsync(
        string? days, ClaimsPrincipal user, UsageReader reader, CancellationToken cancellationToken)
    {
        if (!TryReadDays(days, out var count))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["days"] = [$"days must be a whole number from 1 to {UsagePeriod.MaxDays}."],
            });
        }

        return TypedResults.Ok(await reader.ReadAsync(user.GetUserId(), count, cancellationToken));
    }

    /// <summary>Missing means the shortest period the page offers.</summary>
    public static bool TryReadDays(string? text, out int days)
    {
        if (string.IsNullOrEmpty(text))
        {
            days = UsagePeriod.Choices[0];
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out days) && days is >= 1 and <= UsagePeriod.MaxDays;
    }
}
