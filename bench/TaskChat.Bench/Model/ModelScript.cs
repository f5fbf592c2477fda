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

    public async IAsyncEnumerable<string> TokensAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One PeriodicTimer per turn keeps the pace without drift, however long each yield takes.
        using var timer = new PeriodicTimer(Interval);
        for (var i = 0; i < TokensPerTurn; i++)
        {
            if (i > 0 && !await timer.WaitForNextTickAsync(cancellationToken))
            {
                yield break;
            }

            yield return TokenStamp.Create();
        }
    }

    public string[] ToArgs() =>
        ["--tokens", TokensPerTurn.ToString(CultureInfo.InvariantCulture), "--interval-ms", Interval.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)];

    public static ModelScript FromArgs(IReadOnlyList<string> args) => new(
        int.Parse(CommandLine.Required(args, "--tokens"), CultureInfo.InvariantCulture),
        TimeSpan.FromMilliseconds(double.Parse(CommandLine.Required(args, "--interval-ms"), CultureInfo.InvariantCulture)));
}
