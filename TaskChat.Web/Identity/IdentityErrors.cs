using Microsoft.AspNetCore.Identity;

namespace TaskChat.Web.Identity;

internal static class IdentityErrors
{
    /// <summary>Groups Identity's errors by the field a person would fix.</summary>
    public static Dictionary<string, string[]> ToDictionary(IdentityResult result) =>
        result.Errors
            .GroupBy(error => error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email")
            .ToDictionary(group => group.Key, group => group.Select(error => error.Description).ToArray());
}
