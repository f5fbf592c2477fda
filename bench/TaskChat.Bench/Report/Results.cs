namespace TaskChat.Bench.Report;

/// <summary>Nearest-rank percentiles of microsecond samples, reported in milliseconds.</summary>
internal sealed record Latency(int Samples, double P50Ms, double P99Ms, double MaxMs)
{
    public static Latency From(List<int> micros)
    {
        if (micros.Count == 0)
        {
            return new Latency(0, double.NaN, double.NaN, double.NaN);
        }

        micros.Sort();
        double At(double percentile) => micros[Math.Clamp((int)Math.Ceiling(percentile * micros.Count) - 1, 0, micros.Count - 1)] / 1000.0;
        return new Latency(micros.Count, At(0.50), At(0.99), micros[^1] / 1000.0);
    }
}

/// <summary>One system (TaskChat or the baseline) at one number of concurrent streams.</summary>
internal sealed record StreamingResult(
    string System,
    int Streams,
    int Connected,
    int WarmUpRounds,
    double WindowSeconds,
    Latency TokenLatency,
    Latency FirstToken,
    double TokensPerSecond,
    double TurnsPerSecond,
    int Failures,
    string? LastFailure,
    double MeanTurnSeconds,
    double ServerCores,
    double ClientCores,
    double PostgresCores,
    double OtherCores,
    double OtherCoresBefore,
    double HeapPerConnectionKb,
    double HeapPerStreamKb,
    double WorkingSetPerStreamKb,
    double ServerAllocatedKbPerToken,
    TurnPersistence? Persistence);

/// <summary>What a turn cost the database (TaskChat only): app counter and PostgreSQL's own.</summary>
internal sealed record TurnPersistence(long Turns, double WritesPerTurn, double AllowedWritesPerTurn, double RowsPerTurn, double TransactionsPerTurn);

/// <summary>Idle authenticated connections held open by one system.</summary>
internal sealed record IdleResult(
    string System,
    int Requested,
    int Held,
    int Failed,
    string? LastError,
    double ConnectSeconds,
    double HeapPerConnectionKb,
    double WorkingSetPerConnectionKb,
    double IdleServerCores,
    double IdleOtherCores,
    double ClientHeapPerConnectionKb);

/// <summary>Everything one run measured, with how it was set up.</summary>
internal sealed record BenchRun(
    BenchPlan Plan,
    MachineInfo Machine,
    IReadOnlyList<StreamingResult> Streaming,
    IReadOnlyList<IdleResult> Idle,
    IReadOnlyList<TwoNodeResult> TwoNode,
    GrowthResult? Growth,
    DateTimeOffset StartedAt,
    TimeSpan Took)
{
    /// <summary>Sections that failed part-way, with why; their figures are missing from the run.</summary>
    public IReadOnlyList<string> SectionErrors { get; init; } = [];
}
