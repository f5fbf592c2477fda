namespace TaskChat.Web.Identity;

/// <summary>The new account, or why there is none: errors by field, and whether the email is taken.</summary>
public sealed record RegistrationResult(AppUser? User, IReadOnlyDictionary<string, string[]> Errors, bool IsDuplicate);
