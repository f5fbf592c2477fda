using Microsoft.AspNetCore.Identity;
using TaskChat.Web.Data;
using TaskChat.Web.Security;

namespace TaskChat.Web.Identity;

/// <summary>
/// Creating an account, for the sign-up page and <c>POST /api/v1/auth/register</c> alike: the
/// same normalisation and the same errors, grouped by the field a person would fix.
/// </summary>
public sealed class AccountRegistration(UserManager<AppUser> users, TimeProvider time)
{
    public async Task<RegistrationResult> RegisterAsync(string email, string password)
    {
        // The user name and email columns hold 256 characters; a longer one is the caller's mistake, not a 500.
        if (email.Trim().Length > CredentialCheck.MaxEmailLength)
        {
            return new RegistrationResult(null, new Dictionary<string, string[]>
            {
                ["email"] = [$"An email can be at most {CredentialCheck.MaxEmailLength} characters."],
            }, IsDuplicate: false);
        }

        // The app's clock, as for every other row: the admin overview counts new accounts by it.
        var user = new AppUser { UserName = email.Trim(), Email = email.Trim(), CreatedAt = time.UtcNowForStorage() };
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
