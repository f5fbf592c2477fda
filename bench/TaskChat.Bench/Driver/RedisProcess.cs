using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TaskChat.Bench.Driver;

/// <summary>
/// The bench's own redis-server on 127.0.0.1 and a free port, with no persistence (nothing the
/// nodes keep there needs to outlive the run), killed on dispose.
/// </summary>
internal sealed class RedisProcess : IAsyncDisposable
{
    public const string Executable = "/usr/bin/redis-server";
    private static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(10);

    private readonly Process process;

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

    /// <summary>Calls per command so far (INFO commandstats).</summary>
    public async Task<RedisCommandStats> CommandStatsAsync() => RedisCommandStats.Parse(await CommandAsync("INFO commandstats"));

    /// <summary>One inline command; the reply read until complete (a bulk string to its length, else one line).</summary>
    private async Task<string> CommandAsync(string command)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), timeout.Token);
        var reply = new StringBuilder();
        var buffer = new byte[65536];
        while (!IsComplete(reply.ToString()))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            reply.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return reply.ToString();
    }

    private static bool IsComplete(string reply)
    {
        if (!reply.StartsWith('$'))
        {
            return reply.EndsWith("\r\n", StringComparison.Ordinal);
        }

        var header = reply.IndexOf("\r\n", StringComparison.Ordinal);
        return header > 0 && int.TryParse(reply[1..header], out var length) && reply.Length >= header + 2 + length + 2;
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            return (await CommandAsync("PING")).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
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
        if (!process.HasExited)
        {
            process.Kill();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(wait.Token);
        }

        process.Dispose();
    }
}
