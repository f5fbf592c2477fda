namespace TaskChat.Tests.Infrastructure.Hosting;

/// <summary>Values every test application shares, so a test can craft tokens and read logs.</summary>
public static class TestSettings
{
    /// <summary>The JWT signing secret of every test app (>= 32 characters, as the app demands).</summary>
    public const string JwtSecret = "taskchat-tests-signing-secret-0123456789abcdef";

    public const string JwtIssuer = "taskchat";
    public const string JwtAudience = "taskchat";

    /// <summary>The longest any single await in a test may take before the test fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Starting a separate app process includes the .NET start-up and the migrations.</summary>
    public static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
}
