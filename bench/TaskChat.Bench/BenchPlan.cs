using TaskChat.Bench.Driver;
using TaskChat.Bench.Model;

namespace TaskChat.Bench;

/// <summary>
/// What one run does. <c>--quick</c> fits in two minutes and only prints; the full run also
/// writes docs/benchmarks.md and its chart. Every phase is bounded in count and in time.
/// </summary>
internal sealed record BenchPlan(
    bool Quick,
    int[] Streams,
    ModelScript Model,
    TimeSpan Window,
    int IdleConnections,
    TimeSpan IdleConnectBudget,
    TimeSpan IdleHold,
    int ConnectBatch,
    TimeSpan QuietBudget,
    int PoolSize,
    string AdminConnectionString,
    string? ReportPath,
    bool Tracing,
    IReadOnlySet<string> Sections,
    int[] TwoNodeStreams,
    TaskChat.Bench.Growth.GrowthPlan Growth)
{
    public const string AdminVariable = "TASKCHAT_BENCH_POSTGRES";

    /// <summary>The sections of a run, in the order they run (growth last: it fills the database).</summary>
    public static readonly string[] AllSections = ["idle", "streaming", "twonode", "growth"];

    public static readonly string Usage =
        """
        TaskChat benchmark, over loopback: TaskChat and a bare SignalR hub side by side (and, where the
        machine is saturated, a hub that batches tokens every 500 ms); TaskChat on two nodes with Redis;
        TaskChat as its data grows.

          dotnet run -c Release --project bench/TaskChat.Bench -- [--quick] [options]

          --quick             N = 10, 100; 6 s windows; 1,000 idle connections; two nodes at N = 1, 50;
                              growth to 100,000 messages; prints only (about 4 min)
          (default)           N = 10, 100, 300, 500; 20 s windows; 10,000 idle connections; two nodes
                              at N = 1, 50, 200; growth to 1M messages; writes the report
          --sections idle,streaming,twonode,growth
                              run only these sections (default: all, in this order); growth goes
                              last because it fills the database: first token and whole turn against
                              conversation length, the user's tasks and conversations, database size
          --streams 10,100    concurrent streams to measure
          --twonode-streams 1,50,200
                              streams of the two-node section (TaskChat on two nodes and Redis, then
                              the same clients on one node without Redis, for CPU per token)
          --window-s 20       measurement window per step, seconds
          --tokens 100        tokens per reply
          --interval-ms 20    pace of the scripted model (20 ms = 50 tokens/s)
          --idle 10000        idle authenticated connections to open (0 skips)
          --quiet-wait-s 90   before each step, wait up to this long for the machine to be idle
                              (other processes under 0.25 cores; the full run's default; quick: 2)
          --pool-size 50      Npgsql pool size of the TaskChat server (PostgreSQL allows 100 by default)
          --admin "<conn>"    PostgreSQL admin connection string (or TASKCHAT_BENCH_POSTGRES);
                              default Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres
          --report <path>     where the run writes its markdown and charts (default docs/benchmarks.md;
                              --quick writes one only when given this)
          --no-report         full run without writing the report
          --tracing           TaskChat exports traces, metrics and logs over OTLP/HTTP to a sink
                              in the driver that discards them: the cost of tracing on the stream

          dotnet run -c Release --project bench/TaskChat.Bench -- usage [--messages 100000]
                              /usage and GET /api/v1/usage for one user with that many messages
        """;

    public static BenchPlan From(IReadOnlyList<string> args)
    {
        var quick = CommandLine.Flag(args, "--quick");
        var admin = CommandLine.Option(args, "--admin")
            ?? (Environment.GetEnvironmentVariable(AdminVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : BenchDatabase.DefaultAdmin);
        // --quick prints only, unless a report path is named (to look at the report's layout).
        var report = CommandLine.Flag(args, "--no-report")
            ? null
            : CommandLine.Option(args, "--report") ?? (quick ? null : Path.Combine(RepositoryRoot(), "docs", "benchmarks.md"));

        return new BenchPlan(
            quick,
            CommandLine.IntList(args, "--streams", quick ? [10, 100] : [10, 100, 300, 500]),
            new ModelScript(
                CommandLine.Int(args, "--tokens", quick ? 50 : 100),
                TimeSpan.FromMilliseconds(CommandLine.Double(args, "--interval-ms", 20))),
            TimeSpan.FromSeconds(CommandLine.Double(args, "--window-s", quick ? 6 : 20)),
            CommandLine.Int(args, "--idle", quick ? 1000 : 10000),
            TimeSpan.FromSeconds(quick ? 20 : 90),
            TimeSpan.FromSeconds(quick ? 3 : 10),
            ConnectBatch: 100,
            TimeSpan.FromSeconds(CommandLine.Double(args, "--quiet-wait-s", quick ? 2 : 90)),
            CommandLine.Int(args, "--pool-size", 50),
            admin,
            report,
            CommandLine.Flag(args, "--tracing"),
            SectionsFrom(args),
            CommandLine.IntList(args, "--twonode-streams", quick ? [1, 50] : [1, 50, 200]),
            TaskChat.Bench.Growth.GrowthPlan.For(quick));
    }

    public bool Runs(string section) => Sections.Contains(section);

    private static HashSet<string> SectionsFrom(IReadOnlyList<string> args)
    {
        var named = CommandLine.Option(args, "--sections")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? AllSections;
        var unknown = named.Except(AllSections).ToList();
        return unknown.Count == 0
            ? named.ToHashSet()
            : throw new ArgumentException($"Unknown section(s) {string.Join(", ", unknown)}; the sections are {string.Join(", ", AllSections)}.");
    }

    /// <summary>The folder holding TaskChat.sln, found upwards from the program's own folder.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TaskChat.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    /// <summary>A turn that takes this long has certainly gone wrong.</summary>
    public TimeSpan TurnTimeout => Model.TurnDuration * 4 + TimeSpan.FromSeconds(30);
}
