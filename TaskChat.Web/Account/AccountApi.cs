using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Account;

internal static class AccountApi
{
    public static void MapAccountApi(this IEndpointRouteBuilder app)
    {
        // The signed-in user's own account; GET and PATCH of /api/v1/me itself live with Identity.
        var me = app.MapGroup("/api/v1/me").WithTags("Account").RequireAuthorization();
        me.MapPost("/password", ChangePasswordAsync);
        me.MapPost("/sign-out-everywhere", SignOutEverywhereAsync);
        me.MapGet("/data", DownloadDataAsync);
        me.MapDelete("/", DeleteAccountAsync);
    }

    /// <summary>Every earlier token stops working; the reply carries a new one so a script can carry on.</summary>
    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, UnauthorizedHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, ClaimsPrincipal principal, UserManager<AppUser> users, AccountService account, TokenIssuer issuer)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        if (await account.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (token, expiresIn) = issuer.Issue(user);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", expiresIn));
    }

    private static async Task<Results<NoContent, UnauthorizedHttpResult>> SignOutEverywhereAsync(
        ClaimsPrincipal principal, UserManager<AppUser> users, AccountService account)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        await account.SignOutEverywhereAsync(user);
        return TypedResults.NoContent();
    }

    private static async Task<Results<JsonHttpResult<AccountData>, UnauthorizedHttpResult>> DownloadDataAsync(
        HttpContext context, UserManager<AppUser> users, AccountService account, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(context.User) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var data = await account.ExportAsync(user, cancellationToken);
        context.Response.Headers.ContentDisposition = "attachment; filename=\"taskchat-data.json\"";
        return TypedResults.Json(data);
    }

    /// <summary>Asks for the password again: a stolen session alone cannot erase an account.</summary>
    private static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> DeleteAccountAsync(
        [FromBody] DeleteAccountRequest request, ClaimsPrincipal principal, UserManager<AppUser> users, AccountService account)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        return await account.DeleteAsync(user, request.Password)
            ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["The password is incorrect."] });
    }
}
