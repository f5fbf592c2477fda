using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace TaskChat.Tests.Infrastructure.Hosting;

/// <summary>
/// The built web app as its own OS process (<c>dotnet TaskChat.Web.dll</c>) on
/// <c>http://127.0.0.1:&lt;free port&gt;</c>: for what an in-process host cannot show, such as
/// start-up failures, a graceful stop (SIGTERM), a crash (SIGKILL), a restart on the same
/// database, and the exact console output. The environment is the test's, not the machine's:
/// database and secret variables of the surrounding shell are not passed on.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    static AppProcess()
    {
        // If the test host goes down, its apps go with it rather than holding ports and databases.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var child in Running.Values)
            {
                try
                {
                    child.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                }
            }
        };
    }

    private AppProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    /// <summary>Everything the app wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the app and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string?> environment, TimeSpan? timeout = null)
    {
        // The free port is found by binding and releasing it; another process could take it in
        // between, so a start that fails on the address is tried again (at most three times).
        for (var attempt = 1; ; attempt++)
        {
            var app = Launch(environment);
            try
            {
                await app.WaitUntilReadyAsync(timeout ?? TestSettings.StartupTimeout);
                return app;
            }
            catch (AppProcessException) when (attempt < 3 && app.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await app.DisposeAsync();
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Starts the app without waiting; for tests of start-up itself.</summary>
    public static AppProcess Launch(IReadOnlyDictionary<string, string?> environment)
    {
        if (!File.Exists(RepositoryPaths.WebAssembly))
        {
            throw new InvalidOperationException($"{RepositoryPaths.WebAssembly} is missing; build the solution first.");
        }

        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.WebProject,
        };
        start.ArgumentList.Add(RepositoryPaths.WebAssembly);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(RepositoryPaths.WebProject);

        AppEnvironment.Apply(start.Environment, environment, baseAddress);

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new AppProcess(process, baseAddress);
        process.OutputDataReceived += (_, line) => app.Append(line.Data);
        process.ErrorDataReceived += (_, line) => app.Append(line.Data);
        process.Exited += (_, _) => app.exited.TrySetResult();
        process.Start();
        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    public HttpClient CreateClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false })
        {
            BaseAddress = BaseAddress,
            Timeout = TestSettings.Timeout,
        };

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new AppProcessException($"The app exited with code {process.ExitCode} before it was ready.", Output);
            }

            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // A request that timed out; the deadline decides.
            }

            await Task.Delay(100);
        }

        throw new AppProcessException($"The app was not ready within {timeout.TotalSeconds:0} s.", Output);
    }

    /// <summary>Waits for the process to end by itself (a start-up that fails, say).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await exited.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new AppProcessException($"The app was still running after {timeout.TotalSeconds:0} s.", Output);
        }

        // Exited fires before the last redirected lines are read; this waits for them.
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    /// <summary>A graceful stop: SIGTERM, as <c>docker stop</c> or systemd sends, then wait for the exit.</summary>
    public async Task<int> StopAsync(TimeSpan? timeout = null)
    {
        if (!process.HasExited)
        {
            if (kill(process.Id, SIGTERM) != 0)
            {
                throw new InvalidOperationException($"kill(SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}.");
            }
        }

        var code = await WaitForExitAsync(timeout ?? TestSettings.Timeout);
        Running.TryRemove(process.Id, out _);
        return code;
    }

    /// <summary>A crash: SIGKILL, no shutdown code runs and nothing is flushed.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit(TestSettings.Timeout);
        Running.TryRemove(process.Id, out _);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TestSettings.Timeout);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        finally
        {
            Running.TryRemove(process.Id, out _);
            process.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private const int SIGTERM = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
