namespace TaskChat.Bench;

/// <summary>
/// Two roles in one program: the driver (what a person runs) and "serve", the server processes
/// the driver starts so that server CPU and memory are measured apart from the clients'.
/// Not top-level statements: TaskChat.Web's own <c>Program</c> must stay the only one.
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(BenchPlan.Usage);
            return 0;
        }

        if (args.FirstOrDefault() == "usage")
        {
            return await Usage.UsageBench.RunAsync(args[1..]);
        }

        if (args.FirstOrDefault() == "search")
        {
            return await Search.SearchBenchmark.RunAsync(
                Environment.GetEnvironmentVariable(BenchPlan.AdminVariable) is { Length: > 0 } admin ? admin : Driver.BenchDatabase.DefaultAdmin);
        }

        if (args.FirstOrDefault() == "serve")
        {
            return await Servers.ServerHost.RunAsync(args[1], args[2..]);
        }

        return await BenchRunner.RunAsync(BenchPlan.From(args));
    }
}
