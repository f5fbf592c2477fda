using System.Globalization;
using System.Runtime.CompilerServices;

namespace TaskChat.Bench.Model;

/// <summary>
/// The scripted model both servers stream: a fixed number of stamped tokens per turn at a fixed
/// pace, the first one at once. TaskChat gets it through <see cref="ScriptedChatClient"/>, the
/// baseline hub directly, so the two see the same tokens at the same rate.
/// </summary>
public sealed record ModelScript(int TokensPerTurn, TimeSpan Interval)
{
    public TimeSpan TurnDuration => Interval * Math.Max(0, TokensPerTurn - 1);

    /// <summary>
    /// Token i is due at start + i x interval whether or not the reader kept up, as a hosted
    /// model's stream is: a reader that falls behind finds several waiting, stamped with when
    /// they were due, so the time they waited counts in their latency. A token the reader waits
    /// for is stamped when it comes.
    /// </summary>
    public async IAsyncEnumerable<string> TokensAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = TokenStamp.NowMicros();
        var interval = (long)Interval.TotalMicroseconds;
        for (var i = 0; i < TokensPerTurn; i++)
        {
            var due = start + i * interval;
            var wait = due - TokenStamp.NowMicros();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(wait), cancellationToken);
                yield return TokenStamp.Create();
            }
            else
            {
                yield return TokenStamp.At(due);
            }
        }
    }

    public string[] ToArgs() =>
        ["--tokens", TokensPerTurn.ToString(CultureInfo.InvariantCulture), "--interval-ms", Interval.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)];

    public static ModelScript FromArgs(IReadOnlyList<string> args) => new(
        int.Parse(CommandLine.Required(args, "--tokens"), CultureInfo.InvariantCulture),
        TimeSpan.FromMilliseconds(double.Parse(CommandLine.Required(args, "--interval-ms"), CultureInfo.InvariantCulture)));
}
