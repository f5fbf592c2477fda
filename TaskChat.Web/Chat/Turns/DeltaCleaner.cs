using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// Makes a model's streamed deltas storable (<see cref="StorableText"/>) one at a time. A
/// surrogate pair may arrive split across two deltas; the high half is held back until the next
/// delta shows whether it was paired, so a pair is never broken and a lone half never stored.
/// </summary>
internal sealed class DeltaCleaner
{
    private char? heldHigh;

    public string Next(string delta)
    {
        if (heldHigh is { } high)
        {
            delta = high + delta;
            heldHigh = null;
        }

        if (delta.Length > 0 && char.IsHighSurrogate(delta[^1]))
        {
            heldHigh = delta[^1];
            delta = delta[..^1];
        }

        return StorableText.Clean(delta);
    }

    /// <summary>What is left at the end of the stream: a held high half never got its pair.</summary>
    public string Flush()
    {
        var rest = heldHigh is null ? "" : StorableText.Replacement.ToString();
        heldHigh = null;
        return rest;
    }
}
