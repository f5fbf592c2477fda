using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace TaskChat.Tests.Infrastructure.Hosting;

/// <summary>
/// A real redis-server of the test's own on 127.0.0.1 and a free port, with no persistence,
/// stopped on dispose. scripts/test.sh installs Debian's redis-server; without it the test
/// fails with that instruction rather than being skipped.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string Executable = "/usr/bin/redis-server";

    private Process? process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install Debian's redis-server (scripts/test.sh does).");
        }

        var server = new RedisServer(AppProcess.FreePort());
        try
        {
            await server.RestartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A crash of Redis: SIGKILL, its clients' sockets close, and (no persistence) its data is gone.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Starts redis-server again on the same port, empty, and waits until it answers PING.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        process?.Dispose();
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--bind", "127.0.0.1", "--port", Port.ToString(), "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        var deadline = DateTime.UtcNow + TestSettings.StartupTimeout;
        while (!await AnswersPingAsync())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not answer PING.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Sends one command (inline form) and returns the raw reply, e.g. INFO commandstats.</summary>
    public async Task<string> CommandAsync(string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port).WaitAsync(TestSettings.Timeout);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
        var reply = new StringBuilder();
        var buffer = new byte[65536];
        do
        {
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TestSettings.Timeout);
            if (read == 0)
            {
                break;
            }

            reply.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        while (!IsComplete(reply.ToString()));

        return reply.ToString();
    }

    // A bulk string ($<length>) is complete once its length is read; other replies end at the first line.
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
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(2));
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
    }
}
