using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace TaskChat.Web.Identity;

public sealed class JwtOptions
{
    public const int MinimumSecretLength = 32;

    public string? Secret { get; set; }
    public string Issuer { get; set; } = "taskchat";
    public string Audience { get; set; } = "taskchat";
    public int LifetimeMinutes { get; set; } = 60;

    /// <summary>True when no secret was configured and a per-process key was generated.</summary>
    public bool UsesGeneratedKey { get; private set; }

    public SymmetricSecurityKey SigningKey { get; private set; } = null!;

    /// <summary>
    /// Reads <c>Jwt:*</c> and the <c>JWT_SECRET</c> environment variable. A short secret stops start-up;
    /// no secret is allowed only in Development, where a random key is generated.
    /// </summary>
    public static JwtOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new JwtOptions();
        configuration.GetSection("Jwt").Bind(options);
        options.Secret = FirstNonEmpty(configuration["JWT_SECRET"], options.Secret);

        if (options.LifetimeMinutes is < 1 or > 60 * 24 * 30)
        {
            throw new InvalidOperationException("Jwt:LifetimeMinutes must be between 1 and 43200. See the README.");
        }

        if (options.Secret is null)
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    "Missing configuration: JWT_SECRET (or Jwt:Secret), at least 32 characters. See the README.");
            }

            options.UsesGeneratedKey = true;
            options.SigningKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64));
            return options;
        }

        if (options.Secret.Length < MinimumSecretLength)
        {
            throw new InvalidOperationException(
                $"JWT_SECRET (Jwt:Secret) is {options.Secret.Length} characters; it must be at least {MinimumSecretLength}. See the README.");
        }

        options.SigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.Secret));
        return options;
    }

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(value => !string.IsNullOrEmpty(value));
}
