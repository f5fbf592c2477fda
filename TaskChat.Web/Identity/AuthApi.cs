using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace TaskChat.Web.Identity;

internal static class AuthApi
{
    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth").AllowAnonymous();
        group.MapPost("/register", RegisterAsync);
        group.MapPost("/token", IssueTokenAsync);
    }

    private static async Task<Results<Created<RegisterResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, AccountRegistration registration)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["email"] = string.IsNullOrWhiteSpace(request.Email) ? ["An email is required."] : [],
                ["password"] = string.IsNullOrEmpty(request.Password) ? ["A password is required."] : [],
            }.Where(pair => pair.Value.Length > 0).ToDictionary());
        }

        var result = await registration.RegisterAsync(request.Email, request.Password);
        if (result.User is { } user)
        {
            return TypedResults.Created($"/api/v1/users/{user.Id}", new RegisterResponse(user.Id, user.Email!));
        }

        return result.IsDuplicate
            ? TypedResults.Problem("An account with this email already exists.", statusCode: StatusCodes.Status409Conflict)
            : TypedResults.ValidationProblem(result.Errors.ToDictionary());
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn, TokenIssuer issuer)
    {
        var user = string.IsNullOrWhiteSpace(request.Email) ? null : await users.FindByEmailAsync(request.Email.Trim());
        if (user is null || string.IsNullOrEmpty(request.Password))
        {
            return InvalidCredentials();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return TypedResults.Problem(
                "Too many failed sign-ins. This account is locked for a few minutes.",
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        if (!result.Succeeded)
        {
            return InvalidCredentials();
        }

        var (token, expiresIn) = issuer.Issue(user);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", expiresIn));
    }

    private static ProblemHttpResult InvalidCredentials() =>
        TypedResults.Problem("The email or password is incorrect.", statusCode: StatusCodes.Status401Unauthorized);
}
