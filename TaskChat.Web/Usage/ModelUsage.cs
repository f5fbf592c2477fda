namespace TaskChat.Web.Usage;

/// <summary>
/// One provider and model. Replies stored before the usage columns existed have neither and are
/// counted under a null provider and model; their tokens and latency are unknown, not zero.
/// </summary>
public sealed record ModelUsage(
    string? Provider,
    string? Model,
    int Turns,
    long InputTokens,
    long OutputTokens,
    long? FirstTokenMsP50,
    long? FirstTokenMsP95);
