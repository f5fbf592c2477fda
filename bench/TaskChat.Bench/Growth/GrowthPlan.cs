namespace TaskChat.Bench.Growth;

/// <summary>
/// The sizes the growth section measures at, and how. Turns are short (a few tokens) because
/// what grows with the data is the turn's start and end, not the streaming in between.
/// </summary>
internal sealed record GrowthPlan(
    int[] ConversationLengths,
    int[] TaskCounts,
    int[] ConversationCounts,
    int[] DatabaseMessages,
    int Turns,
    int TokensPerTurn)
{
    /// <summary>Other users' messages come in conversations this long.</summary>
    public const int MessagesPerOtherConversation = 100;

    /// <summary>On the largest database, this many clients of one user send at once (the turns shared among them).</summary>
    public const int ConcurrentClients = 10;

    public static GrowthPlan For(bool quick) => quick
        ? new([0, 100, 1_000], [0, 1_000], [10, 1_000], [10_000, 100_000], Turns: 8, TokensPerTurn: 5)
        : new([0, 100, 1_000, 5_000], [0, 100, 1_000], [10, 1_000, 10_000], [100_000, 1_000_000], Turns: 20, TokensPerTurn: 5);
}
