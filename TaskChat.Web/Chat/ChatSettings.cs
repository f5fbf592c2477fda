namespace TaskChat.Web.Chat;

/// <summary>Limits and pacing of chat turns (configuration section <c>Chat</c>).</summary>
public sealed class ChatSettings
{
    /// <summary>The longest user message accepted, in characters.</summary>
    public int MaxMessageLength { get; set; } = 8000;

    /// <summary>
    /// The largest hub message accepted, in bytes; SignalR closes a connection that sends more.
    /// Room for the longest message at its worst: JSON writes a control character as \u0001,
    /// so 8,000 of them take 48,000 bytes before the envelope.
    /// </summary>
    public long MaxHubMessageBytes { get; set; } = 64 * 1024;

    /// <summary>How often a streaming reply's partial text is written: the most a crash can lose.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a reply's final write is retried (with backoff) while the database cannot be
    /// reached, before the reply is reported failed with the text saved so far.
    /// </summary>
    public TimeSpan FinalWriteRetryWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many earlier messages are given to the model as context, newest kept.</summary>
    public int HistoryMessages { get; set; } = 40;
}
