using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Operations;

/// <summary>
/// The standard Logging:LogLevel keys (Logging__LogLevel__... in the environment) change what
/// is logged, as in any ASP.NET Core app; the Serilog section still wins where both say.
/// </summary>
public sealed class LogLevelTests
{
    private const string EfCommands = "Microsoft.EntityFrameworkCore.Database.Command";

    [Fact]
    public async Task AStandardLogLevelKeyTurnsOnEntityFrameworkCommandLogs()
    {
        // A process of its own: EF Core shares its internal services (and so its logger) between
        // the in-process test apps, so only a separate process shows this app's own EF logging.
        var environment = AppEnvironment.Defaults();
        await using var database = await TestDatabase.CreateAsync();
        foreach (var (key, value) in database.EnvironmentVariables)
        {
            environment[key] = value;
        }

        environment[$"Logging__LogLevel__{EfCommands}"] = "Information";
        await using var app = await AppProcess.StartAsync(environment);
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/health/ready");

        Assert.Contains("Executed DbCommand", app.Output);
    }

    [Fact]
    public async Task TheDefaultStandardLevelQuietsInformation()
    {
        await using var app = await TaskChatApplication.StartAsync(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
        });

        await app.CreateUserAsync();

        Assert.DoesNotContain(app.Logs.Lines, line => line.StartsWith("[INF]", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains("Database ready", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutAnySettingEntityFrameworkCommandsStayQuiet()
    {
        await using var app = await TaskChatApplication.StartAsync();

        await app.CreateUserAsync();

        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains("Executed DbCommand", StringComparison.Ordinal));
        Assert.Contains(app.Logs.Lines, line => line.Contains("Database ready", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InTheEnvironmentTheSerilogSectionWinsOverTheStandardKey()
    {
        var environment = AppEnvironment.Defaults();
        await using var database = await TestDatabase.CreateAsync();
        foreach (var (key, value) in database.EnvironmentVariables)
        {
            environment[key] = value;
        }

        environment[$"Logging__LogLevel__{EfCommands}"] = "Information";
        environment[$"Serilog__MinimumLevel__Override__{EfCommands}"] = "Warning";
        await using var app = await AppProcess.StartAsync(environment);
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/health/ready");

        Assert.Contains("Database ready", app.Output);
        Assert.DoesNotContain("Executed DbCommand", app.Output);
    }
}
