using System.Text;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// The reply's text on its way to the watchers. A delta joins the reply at once (so partial
/// writes and the final message hold it), and goes out with the next <see cref="SendAsync"/>.
/// The run sends whenever the model has nothing more ready: while the turn keeps up, every
/// delta goes out alone, the moment it arrives; when it falls behind (a saturated machine), what
/// queued up meanwhile goes out as one token event. Coalescing here, before numbering, gives the
/// lot one event number that every watcher on every node sees, so resume stays exact.
/// </summary>
internal sealed class ReplyOutbox(TurnContext turn, ChatMetrics metrics)
{
    // The usual case is one delta between sends: it goes out as it came, with no copy.
    private string? unsent;
    private StringBuilder? joined;

    public Guid MessageId => turn.Assistant.Id;

    /// <summary>Everything added so far, sent or not.</summary>
    public TurnText Text { get; } = new();

    public void Add(string delta)
    {
        if (delta.Length == 0)
        {
            return;
        }

        Text.Append(delta);
        metrics.Token();
        if (unsent is null)
        {
            unsent = delta;
            return;
        }

        joined ??= new StringBuilder();
        if (joined.Length == 0)
        {
            joined.Append(unsent);
        }

        joined.Append(delta);
    }

    public async ValueTask SendAsync()
    {
        if (unsent is null)
        {
            return;
        }

        var delta = joined is { Length: > 0 } ? joined.ToString() : unsent;
        joined?.Clear();
        unsent = null;
        await turn.Emitter.TokenAsync(delta);
    }
}
