using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Security;

/// <summary>
/// Email and password in, the user or nothing out, the same way for the sign-in form and the
/// token endpoint. An unknown email, a wrong password and a locked account give the same
/// answer and cost the same: every path hashes the password once (a known account against its
/// hash, the others against a throw-away one) and the others wait as long as a wrong password
/// takes (<see cref="SignInPacing"/>), so neither the reply nor its timing tells whether an
/// account exists or is locked.
/// </summary>
public sealed class CredentialCheck(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, SignInPacing pacing)
{
    /// <summary>The one answer to every failed sign-in.</summary>
    public const string Refusal =
        "The email or password is incorrect. After several failed attempts an account is locked for a few minutes.";

    /// <summary>Identity stores emails and user names in 256 characters; a longer one cannot be an account.</summary>
    public const int MaxEmailLength = 256;

    private static readonly AppUser Nobody = new() { Id = Guid.Empty, UserName = "nobody" };
    private static string? decoyHash;

    public async Task<AppUser?> CheckAsync(string? email, string? password)
    {
        var started = Stopwatch.GetTimestamp();
        var user = string.IsNullOrWhiteSpace(email) || email.Trim().Length > MaxEmailLength
            ? null
            : await users.FindByEmailAsync(email.Trim());
        if (user is null || string.IsNullOrEmpty(password) || await users.IsLockedOutAsync(user))
        {
            SpendOneHash(password);
            await pacing.PadAsync(started);
            return null;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return user;
        }

        pacing.RecordWrongPassword(Stopwatch.GetElapsedTime(started));
        return null;
    }

    private void SpendOneHash(string? password)
    {
        decoyHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(Nobody, decoyHash, password ?? "");
    }
}
