using System.Text.Json;
using TaskChat.Bench.Model;

namespace TaskChat.Bench.Servers;

/// <summary>
/// The child-process side: starts one server, then answers the driver's commands, one line
/// each on stdin. Replies go to stderr as "@bench KIND JSON" because the app's own console
/// log owns stdout. The process ends when the driver says quit or closes stdin.
/// </summary>
internal static class ServerHost
{
    public const string ReplyPrefix = "@bench ";

    public static async Task<int> RunAsync(string kind, IReadOnlyList<string> args)
    {
        using var metrics = new ChatMetricsListener();
        using var trace = DatabaseTrace.StartIfAsked();
        var script = ModelScript.FromArgs(args);
        IBenchServer server = kind switch
        {
            "taskchat" => TaskChatServer.Start(script, CommandLine.Required(args, "--db"), CommandLine.Option(args, "--otlp"),
                CommandLine.Option(args, "--redis"), CommandLine.Option(args, "--jwt-secret"), CommandLine.Int(args, "--max-pool", 100)),
            "baseline" => await BaselineServer.StartAsync(script),
            "batcher" => await BaselineServer.StartAsync(script, TimeSpan.FromMilliseconds(CommandLine.Int(args, "--batch-ms", 500))),
            _ => throw new ArgumentException($"Unknown server '{kind}'."),
        };

        await using (server)
        {
            Reply("ready", new { hub_url = server.HubUrl, pid = Environment.ProcessId });
            var commands = ReadCommands();
            await foreach (var line in commands.ReadAllAsync())
            {
                var command = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
                switch (command.FirstOrDefault())
                {
                    case "stats":
                        Reply("stats", ServerStats.Take(metrics, fullGc: false));
                        break;
                    case "gc-stats":
                        Reply("stats", ServerStats.Take(metrics, fullGc: true));
                        break;
                    case "seed":
                        Reply("seeded", new { path = await server.SeedUsersAsync(int.Parse(command[1])) });
                        break;
                    case "quit":
                        return 0;
                    default:
                        Reply("error", new { message = $"Unknown command '{line}'." });
                        break;
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// Console.In.ReadLineAsync reads synchronously: awaited from a pool thread it would hold
    /// that thread for the whole run, one of only a few on a 2-core machine, and skew what is
    /// measured. A dedicated thread reads stdin instead.
    /// </summary>
    private static System.Threading.Channels.ChannelReader<string> ReadCommands()
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<string>();
        var reader = new Thread(() =>
        {
            while (Console.In.ReadLine() is { } line)
            {
                channel.Writer.TryWrite(line);
            }

            channel.Writer.TryComplete();
        })
        { IsBackground = true, Name = "bench commands" };
        reader.Start();
        return channel.Reader;
    }

    private static void Reply(string kind, object payload) =>
        Console.Error.WriteLine(ReplyPrefix + kind + " " + JsonSerializer.Serialize(payload, BenchJson.Options));
}
