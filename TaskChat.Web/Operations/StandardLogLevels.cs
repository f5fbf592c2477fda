using Serilog;
using Serilog.Events;

namespace TaskChat.Web.Operations;

/// <summary>
/// Makes the standard <c>Logging:LogLevel</c> keys (<c>Logging__LogLevel__Default</c>,
/// <c>Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command</c>, ...) work with
/// Serilog, which otherwise reads only its own <c>Serilog:MinimumLevel</c> section. Applied
/// after TaskChat's defaults and before the <c>Serilog</c> section, which wins where both say.
/// </summary>
internal static class StandardLogLevels
{
    public static LoggerConfiguration ApplyStandardLevels(this LoggerConfiguration logger, IConfiguration configuration)
    {
        foreach (var setting in configuration.GetSection("Logging:LogLevel").GetChildren())
        {
            if (ToSerilog(setting.Value) is not { } level)
            {
                continue;
            }

            if (setting.Key == "Default")
            {
                logger.MinimumLevel.Is(level);
            }
            else
            {
                logger.MinimumLevel.Override(setting.Key, level);
            }
        }

        return logger;
    }

    /// <summary>Microsoft.Extensions.Logging's level names as Serilog's; an unknown name is ignored.</summary>
    public static LogEventLevel? ToSerilog(string? level) => level?.Trim().ToLowerInvariant() switch
    {
        "trace" => LogEventLevel.Verbose,
        "debug" => LogEventLevel.Debug,
        "information" => LogEventLevel.Information,
        "warning" => LogEventLevel.Warning,
        "error" => LogEventLevel.Error,
        "critical" => LogEventLevel.Fatal,
        "none" => LevelAlias.Off,
        _ => null,
    };
}
