using System.Diagnostics;

namespace TaskChat.Web.Security;

/// <summary>
/// A wrong password for a real account costs more than a password hash: the failed attempt is
/// counted in the database (lockout), a write that an unknown email or a locked account does
/// not make. This keeps a running average of that path's time on this node, and the other
/// failures wait until they have taken as long, so the difference does not reveal which
/// accounts exist. The average follows the node's load, so the padding does too.
/// </summary>
public sealed class SignInPacing
{
    private const double Weight = 0.2;
    private readonly Lock gate = new();
    private double averageMs;

    public void RecordWrongPassword(TimeSpan elapsed)
    {
        lock (gate)
        {
            averageMs = averageMs == 0 ? elapsed.TotalMilliseconds : averageMs + Weight * (elapsed.TotalMilliseconds - averageMs);
        }
    }

    /// <summary>Waits out the rest of a typical wrong-password check, measured from <paramref name="started"/>.</summary>
    public Task PadAsync(long started)
    {
        double typical;
        lock (gate)
        {
            typical = averageMs;
        }

        var remaining = TimeSpan.FromMilliseconds(typical) - Stopwatch.GetElapsedTime(started);
        return remaining > TimeSpan.Zero ? Task.Delay(remaining) : Task.CompletedTask;
    }
}
