using System.Security.Cryptography;
using System.Text;

namespace TaskChat.Web.Security;

/// <summary>
/// A JWT carries a digest of the user's security stamp, not the stamp itself: the stamp changes
/// when the password does or on "sign out everywhere", and a token whose digest no longer
/// matches is refused. The digest keeps the stamp out of anything a client can read.
/// </summary>
public static class TokenStamps
{
    public const string ClaimType = "stamp";

    public static string Digest(string securityStamp) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(securityStamp)))[..22];

    public static bool Matches(string digest, string securityStamp) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(digest), Encoding.ASCII.GetBytes(Digest(securityStamp)));
}
