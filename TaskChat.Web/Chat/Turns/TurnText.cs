using System.Text;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// The reply text as it grows. The turn appends to it; PartialReplyWriter reads it from another
/// thread, so both go through one lock. <see cref="Version"/> tells the writer whether
/// anything changed since its last write.
/// </summary>
internal sealed class TurnText
{
    private readonly Lock gate = new();
    private readonly StringBuilder text = new();

    public int Version { get; private set; }

    public void Append(string delta)
    {
        lock (gate)
        {
            text.Append(delta);
            Version++;
        }
    }

    public (string Text, int Version) Read()
    {
        lock (gate)
        {
            return (text.ToString(), Version);
        }
    }

    public override string ToString() => Read().Text;
}
