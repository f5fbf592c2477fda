using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TaskChat.Web.Security;

namespace TaskChat.Web.Identity;

public sealed class TokenIssuer(JwtOptions options, TimeProvider time)
{
    public (string Token, int ExpiresInSeconds) Issue(AppUser user)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(options.LifetimeMinutes);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
                new Claim(JwtRegisteredClaimNames.Email, user.Email ?? ""),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString()),
                // A new password or "sign out everywhere" changes the stamp, and this token stops working.
                new Claim(TokenStamps.ClaimType, TokenStamps.Digest(user.SecurityStamp ?? "")),
            ]),
            SigningCredentials = new SigningCredentials(options.SigningKey, SecurityAlgorithms.HmacSha256),
        });

        return (token, (int)lifetime.TotalSeconds);
    }
}
