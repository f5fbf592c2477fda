namespace TaskChat.Bench.Report;

/// <summary>
/// Two TaskChat nodes on one Redis at one number of streams: every turn runs on node A; each
/// conversation has a watcher on A (the running node) and one on B (the other node).
/// </summary>
internal sealed record TwoNodeResult(
    int Streams,
    double WindowSeconds,
    Latency Sender,
    Latency SameNode,
    Latency OtherNode,
    Latency SameNodeGaps,
    Latency OtherNodeGaps,
    double TokensPerSecond,
    double DeliveredPerSecond,
    double RedisCommandsPerToken,
    IReadOnlyList<(string Command, double PerToken)> TopCommands,
    double ServerCores,
    double RedisCores,
    double PostgresCores,
    double ClientCores,
    double OtherCores,
    int Failures,
    string? LastFailure,
    TwoNodeResult? OneNode = null)
{
    /// <summary>
    /// The same clients at the same N on one node without Redis (<see cref="OneNode"/>): what
    /// the second node and Redis are measured against.
    /// </summary>
    public double OneNodeCpuPerStreamedTokenUs => OneNode?.CpuPerStreamedTokenUs ?? double.NaN;

    /// <summary>Both nodes' CPU per token the model streamed (each reaches three clients here).</summary>
    public double CpuPerStreamedTokenUs => ServerCores / TokensPerSecond * 1e6;

    /// <summary>Both nodes' CPU per token received by any client.</summary>
    public double CpuPerDeliveredTokenUs => ServerCores / DeliveredPerSecond * 1e6;

    /// <summary>Two nodes on Redis against one node without, the same clients on each (see <see cref="OneNodeCpuPerStreamedTokenUs"/>).</summary>
    public double CpuRatioToOneNode => CpuPerStreamedTokenUs / OneNodeCpuPerStreamedTokenUs;

    /// <summary>What the other node adds to a token's p99 over a watcher on the running node.</summary>
    public double AddedP99Ms => OtherNode.P99Ms - SameNode.P99Ms;

    public double MaxGapMs => Math.Max(SameNodeGaps.MaxMs, OtherNodeGaps.MaxMs);
}
