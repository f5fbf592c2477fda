using System.ComponentModel.DataAnnotations;

namespace TaskChat.Web.Security;

/// <summary>
/// Per-user and per-address limits (configuration section <c>RateLimits</c>). The defaults sit
/// well above what a person does by hand (one message every two seconds for a minute, a new
/// conversation every minute for an hour, a browser per room of the house) and well below what
/// a script does in a few seconds.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>REST calls per user (or per address when signed out) per minute.</summary>
    [Range(1, 1_000_000)]
    public int ApiRequestsPerMinute { get; set; } = 600;

    /// <summary>Sign-ins and registrations (form or API) per client address per minute.</summary>
    [Range(1, 1_000_000)]
    public int AuthAttemptsPerMinute { get; set; } = 20;

    /// <summary>Turns (send, confirm, edit, regenerate) a user may start per minute, all connections together.</summary>
    [Range(1, 1_000_000)]
    public int TurnsPerMinute { get; set; } = 30;

    /// <summary>New conversations a user may start over the hub per hour.</summary>
    [Range(1, 1_000_000)]
    public int NewConversationsPerHour { get; set; } = 60;

    /// <summary>Connections to one hub (chat, tasks) one user may hold open at once on one node.</summary>
    [Range(1, 100_000)]
    public int ConnectionsPerUser { get; set; } = 20;
}
