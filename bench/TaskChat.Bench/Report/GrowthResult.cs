namespace TaskChat.Bench.Report;

/// <summary>Sequential turns at one size of one dimension ("messages in the conversation" at "1,000", ...).</summary>
internal sealed record GrowthPoint(
    string Dimension,
    string Size,
    string Database,
    Latency FirstToken,
    Latency WholeTurn,
    int Failures,
    string? LastFailure);

/// <summary>An index, and the same turns on the largest database with it and with it dropped.</summary>
internal sealed record IndexEffect(string Index, GrowthPoint With, GrowthPoint Without);

/// <summary>
/// The growth section: every point measured, the two the flatness target compares (a small
/// database and a user of few conversations; the largest database and the user of the most),
/// what each index saves, and how long the bulk inserts took.
/// </summary>
internal sealed record GrowthResult(
    IReadOnlyList<GrowthPoint> Points,
    GrowthPoint Small,
    GrowthPoint Largest,
    IReadOnlyList<IndexEffect> Indexes,
    double InsertSeconds,
    string FinalSize,
    int TokensPerTurn)
{
    public const string ConversationLength = "conversation length (messages)";
    public const string TaskCount = "user's tasks";
    public const string ConversationCount = "user's conversations";
    public const string DatabaseSize = "other users' messages";
    public const string Before = "index dropped";
}
