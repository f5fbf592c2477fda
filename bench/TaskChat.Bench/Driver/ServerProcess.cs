using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading.Channels;
using TaskChat.Bench.Servers;

namespace TaskChat.Bench.Driver;

/// <summary>
/// A server (TaskChat or the baseline) in a child process of the bench, so its CPU and memory
/// are its own and not mixed with the clients'. The child is this same program with "serve".
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly Channel<(string Kind, string Json)> replies = Channel.CreateUnbounded<(string, string)>();
    private readonly StreamWriter log;
    private bool logClosed;

    private ServerProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        this.process = process;
        this.log = log;
    }

    public string Name { get; }
    public Uri HubUrl { get; private set; } = null!;
    public int Pid => process.Id;

    /// <summary>The child's CPU time so far, read from /proc by the driver (no round trip).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static async Task<ServerProcess> StartAsync(string name, IEnumerable<string> serveArgs, string logPath)
    {
        var start = SelfStartInfo();
        start.ArgumentList.Add("serve");
        foreach (var arg in serveArgs)
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["DOTNET_NOLOGO"] = "1";

        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        var server = new ServerProcess(name, process, log);
        process.OutputDataReceived += (_, e) => server.Log(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnError(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            using var ready = JsonDocument.Parse(await server.ExpectAsync("ready", TimeSpan.FromSeconds(120)));
            server.HubUrl = new Uri(ready.RootElement.GetProperty("hub_url").GetString()!);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async Task<ServerStats> StatsAsync(bool fullGc) =>
        JsonSerializer.Deserialize<ServerStats>(await CommandAsync(fullGc ? "gc-stats" : "stats", "stats"), BenchJson.Options)!;

    /// <summary>Access tokens for <paramref name="count"/> new accounts; empty for a hub without sign-in.</summary>
    public async Task<IReadOnlyList<string?>> SeedUsersAsync(int count)
    {
        using var reply = JsonDocument.Parse(await CommandAsync($"seed {count}", "seeded"));
        if (reply.RootElement.GetProperty("path").GetString() is not { } path)
        {
            return Enumerable.Repeat<string?>(null, count).ToList();
        }

        var tokens = await File.ReadAllLinesAsync(path);
        File.Delete(path);
        return tokens;
    }

    private async Task<string> CommandAsync(string command, string expected)
    {
        await process.StandardInput.WriteLineAsync(command);
        await process.StandardInput.FlushAsync();
        return await ExpectAsync(expected, CommandTimeout);
    }

    private async Task<string> ExpectAsync(string expected, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            var (kind, json) = await replies.Reader.ReadAsync(cancel.Token);
            return kind == expected
                ? json
                : throw new InvalidOperationException($"{Name} server answered '{kind} {json}' where '{expected}' was expected.");
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            throw new InvalidOperationException(
                $"{Name} server did not answer '{expected}' within {timeout.TotalSeconds:0} s (exited: {process.HasExited}). See {((FileStream)log.BaseStream).Name}.");
        }
    }

    private void OnError(string? line)
    {
        if (line is null)
        {
            replies.Writer.TryComplete();
            return;
        }

        if (line.StartsWith(ServerHost.ReplyPrefix, StringComparison.Ordinal))
        {
            var body = line[ServerHost.ReplyPrefix.Length..];
            var space = body.IndexOf(' ');
            replies.Writer.TryWrite((body[..space], body[(space + 1)..]));
            return;
        }

        Log(line);
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (!logClosed)
            {
                log.WriteLine(line);
            }
        }
    }

    /// <summary>
    /// This program again, with TaskChat.Web's runtimeconfig instead of its own: both servers run
    /// on the host settings TaskChat ships with (server GC, thread-pool workers that do not spin),
    /// so they compare, and the figures are those of TaskChat as deployed.
    /// </summary>
    private static ProcessStartInfo SelfStartInfo()
    {
        var program = typeof(BenchProgram).Assembly.Location;
        var directory = Path.GetDirectoryName(program)!;
        var start = new ProcessStartInfo(DotnetHost()) { UseShellExecute = false };
        foreach (var arg in (string[])["exec",
            "--runtimeconfig", Path.Combine(directory, "TaskChat.Web.runtimeconfig.json"),
            "--depsfile", Path.Combine(directory, "TaskChat.Bench.deps.json"),
            program])
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>The dotnet host running this program: the runtime lives in its shared/ folder.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet")
        {
            return path;
        }

        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        return Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                await process.StandardInput.WriteLineAsync("quit");
                await process.StandardInput.FlushAsync();
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                await process.WaitForExitAsync(wait.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or InvalidOperationException)
        {
            // It did not stop when asked; it is this bench's own child, so end it.
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
        lock (log)
        {
            logClosed = true;
            log.Dispose();
        }
    }
}
