using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using TaskChat.Web.Security;

namespace TaskChat.Web.Identity;

public sealed record RegisterRequest(string? Email, string? Password);

public sealed record RegisterResponse(Guid UserId, string Email);

public sealed record TokenRequest(string? Email, string? Password);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

internal static class AuthApi
{
    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth").AllowAnonymous();
        group.MapPost("/register", RegisterAsync);
        group.MapPost("/token", IssueTokenAsync);
    }

    private static async Task<Results<Created<RegisterResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, UserManager<AppUser> users)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["email"] = string.IsNullOrWhiteSpace(request.Email) ? ["An email is required."] : [],
                ["password"] = string.IsNullOrEmpty(request.Password) ? ["A password is required."] : [],
            }.Where(pair => pair.Value.Length > 0).ToDictionary());
        }

        if (request.Email.Trim().Length > CredentialCheck.MaxEmailLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["email"] = [$"An email can be at most {CredentialCheck.MaxEmailLength} characters."],
            });
        }

        var user = new AppUser { UserName = request.Email.Trim(), Email = request.Email.Trim() };
        var result = await users.CreateAsync(user, request.Password);
        if (result.Succeeded)
        {
            return TypedResults.Created($"/api/v1/users/{user.Id}", new RegisterResponse(user.Id, user.Email));
        }

        if (result.Errors.Any(error => error.Code is "DuplicateUserName" or "DuplicateEmail"))
        {
            return TypedResults.Problem("An account with this email already exists.", statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.ValidationProblem(IdentityErrors.ToDictionary(result));
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request, CredentialCheck credentials, TokenIssuer issuer)
    {
        if (await credentials.CheckAsync(request.Email, request.Password) is not { } user)
        {
            return InvalidCredentials();
        }

        var (token, expiresIn) = issuer.Issue(user);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", expiresIn));
    }

    private static ProblemHttpResult InvalidCredentials() =>
        TypedResults.Problem(CredentialCheck.Refusal, statusCode: StatusCodes.Status401Unauthorized);
}
