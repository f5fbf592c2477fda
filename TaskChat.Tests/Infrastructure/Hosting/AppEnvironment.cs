namespace TaskChat.Tests.Infrastructure.Hosting;

/// <summary>
/// The environment of an <see cref="AppProcess"/>: the test's, not the machine's. Database, secret
/// and model variables of the surrounding shell are not passed on.
/// </summary>
public static class AppEnvironment
{
    // Variables that would point the app somewhere the test did not ask for.
    private static readonly string[] Inherited =
    [
        .. IsolatedSettings.ModelVariables, "DATABASE_URL", "JWT_SECRET", "CORS_ORIGINS",
        "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
    ];

    private static readonly string[] InheritedPrefixes = ["ConnectionStrings__", "Jwt__", "Assistant__", "Database__", "Cors__", "Serilog__"];

    /// <summary>
    /// Defaults a test may override (or remove with null): the Development environment (so the
    /// build output's static web assets resolve), the test JWT secret, the offline assistant at
    /// full speed. Database variables come from <see cref="TestDatabase.EnvironmentVariables"/>.
    /// </summary>
    public static Dictionary<string, string?> Defaults() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["JWT_SECRET"] = TestSettings.JwtSecret,
        ["Assistant__Offline__TokenDelayMs"] = "0",
        ["DOTNET_NOLOGO"] = "1",
    };

    /// <summary>Clears what the shell would leak in, then sets the defaults, the test's variables and the address.</summary>
    public static void Apply(IDictionary<string, string?> target, IReadOnlyDictionary<string, string?> environment, Uri baseAddress)
    {
        foreach (var key in target.Keys.ToList())
        {
            if (Inherited.Contains(key, StringComparer.OrdinalIgnoreCase)
                || InheritedPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                target.Remove(key);
            }
        }

        var variables = Defaults();
        foreach (var (key, value) in environment)
        {
            variables[key] = value;
        }

        variables["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        foreach (var (key, value) in variables)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else
            {
                target[key] = value;
            }
        }
    }
}
