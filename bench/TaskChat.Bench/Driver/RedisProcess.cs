using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace TaskChat.Bench.Driver;

/// <summary>
/// The bench's own redis-server on 127.0.0.1 and a free port, with no persistence (nothing the
/// nodes keep there needs to outlive the run), killed on dispose.
/// </summary>
internal sealed class RedisProcess : IAsyncDisposable
{
    public const string Executable = "/usr/bin/redis-server";
    private static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(15);

    private readonly Process process;
    private ConnectionMultiplexer? client;

    private RedisProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public int Pid => process.Id;

    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.HasExited ? TimeSpan.Zero : process.TotalProcessorTime;
        }
    }

    public static async Task<RedisProcess> StartAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install redis-server to run the two-node section.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--bind", "127.0.0.1", "--port", port.ToString(), "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var redis = new RedisProcess(Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start."), port);
        redis.process.OutputDataReceived += (_, _) => { };
        redis.process.BeginOutputReadLine();
        redis.process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!await redis.AnswersPingAsync())
        {
            if (redis.process.HasExited || clock.Elapsed > StartBudget)
            {
                await redis.DisposeAsync();
                throw new InvalidOperationException($"redis-server on port {port} did not answer PING within {StartBudget.TotalSeconds:0} s.");
            }

            await Task.Delay(50);
        }

        return redis;
    }

    /// <summary>Calls per command so far (INFO commandstats), through the driver's one connection (made before any window).</summary>
    public async Task<RedisCommandStats> CommandStatsAsync()
    {
        var sections = await client!.GetServer(ConnectionString).InfoAsync("commandstats");
        return new RedisCommandStats(sections.SelectMany(section => section)
            .Where(pair => pair.Key.StartsWith(RedisCommandStats.Prefix, StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key[RedisCommandStats.Prefix.Length..], pair => RedisCommandStats.CallsOf(pair.Value)));
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            client ??= await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
            {
                EndPoints = { ConnectionString },
                AbortOnConnectFail = true,
                AllowAdmin = true, // INFO is an admin command to StackExchange.Redis
                ConnectTimeout = 2000,
                ClientName = "taskchat-bench-driver",
            });
            await client.GetDatabase().PingAsync();
            return true;
        }
        catch (RedisException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (client is not null)
        {
            await client.DisposeAsync();
        }

        if (!process.HasExited)
        {
            process.Kill();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(wait.Token);
        }

        process.Dispose();
    }
}
