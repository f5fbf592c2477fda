using Microsoft.AspNetCore.Identity;

namespace TaskChat.Web.Identity;

/// <summary>
/// Creating an account, for the sign-up page and <c>POST /api/v1/auth/register</c> alike: the
/// same normalisation and the same errors, grouped by the field a person would fix.
/// </summary>
public sealed class AccountRegistration(UserManager<AppUser> users)
{
    public async Task<RegistrationResult> RegisterAsync(string email, string password)
    {
        var user = new AppUser { UserName = email.Trim(), Email = email.Trim() };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded
            ? new RegistrationResult(user, new Dictionary<string, string[]>(), IsDuplicate: false)
            : new RegistrationResult(null, IdentityErrors.ToDictionary(result.Errors),
                result.Errors.Any(error => error.Code is "DuplicateUserName" or "DuplicateEmail"));
    }

    /// <summary>What is wrong with a password, so a form with a bad email can say both at once.</summary>
    public async Task<string[]> PasswordErrorsAsync(string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new AppUser(), password);
            errors.AddRange(result.Errors);
        }

        return IdentityErrors.ToDictionary(errors).GetValueOrDefault("password", []);
    }
}
