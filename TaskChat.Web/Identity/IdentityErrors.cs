using Microsoft.AspNetCore.Identity;

namespace TaskChat.Web.Identity;

internal static class IdentityErrors
{
    /// <summary>
    /// Groups Identity's errors by the field a person would fix, in the words of the form: the
    /// form asks for an email, so "Username 'x' is already taken" is said as the email's problem.
    /// </summary>
    public static Dictionary<string, string[]> ToDictionary(IEnumerable<IdentityError> errors) =>
        errors
            .GroupBy(error => error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email")
            .ToDictionary(group => group.Key, group => group.Select(InFormWords).Distinct().ToArray());

    private static string InFormWords(IdentityError error) => error.Code switch
    {
        "DuplicateUserName" or "DuplicateEmail" => "An account with this email already exists. Sign in instead?",
        "InvalidUserName" or "InvalidEmail" => "Enter a valid email address.",
        _ => error.Description,
    };
}
