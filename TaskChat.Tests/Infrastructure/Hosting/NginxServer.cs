using System.Diagnostics;
using System.Net.Sockets;

namespace TaskChat.Tests.Infrastructure.Hosting;

/// <summary>
/// Debian's nginx as a load balancer of the test's own: a generated nginx.conf in a directory
/// of its own, listening on 127.0.0.1 and a free port, round-robin over the given nodes with no
/// sticky sessions, WebSocket upgrades passed through, and an access log that names the node
/// that served each request. scripts/test.sh installs nginx; without it the test fails with
/// that instruction rather than being skipped.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/nginx";

    private readonly Process process;
    private readonly string directory;

    private NginxServer(Process process, string directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    /// <summary>Each line: method, path, status, the node's address (<c>127.0.0.1:port</c>).</summary>
    public string AccessLogPath => Path.Combine(directory, "access.log");

    public static async Task<NginxServer> StartAsync(IEnumerable<Uri> nodes)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install Debian's nginx (scripts/test.sh does).");
        }

        var directory = Directory.CreateTempSubdirectory("taskchat-nginx-").FullName;
        // Workers of a root master run as another user: they must be able to write here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111);
        }
        var port = AppProcess.FreePort();
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, Configuration(directory, port, nodes));

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-p", directory, "-c", config })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var server = new NginxServer(process, directory, port);
        var deadline = Stopwatch.StartNew();
        while (!await server.AcceptsAsync())
        {
            if (process.HasExited || deadline.Elapsed > TestSettings.StartupTimeout)
            {
                var errors = await process.StandardError.ReadToEndAsync();
                await server.DisposeAsync();
                throw new InvalidOperationException($"nginx on port {port} did not start: {errors}");
            }

            await Task.Delay(50);
        }

        return server;
    }

    /// <summary>The requests logged so far, as (path, status, node port).</summary>
    public async Task<IReadOnlyList<(string Method, string Path, int Status, int NodePort)>> RequestsAsync()
    {
        // nginx writes a line when a request ends; a WebSocket's line comes when it closes.
        var lines = File.Exists(AccessLogPath) ? await File.ReadAllLinesAsync(AccessLogPath) : [];
        return lines.Select(line => line.Split(' '))
            .Where(parts => parts.Length == 4)
            .Select(parts => (parts[0], parts[1], int.Parse(parts[2]), parts[3] == "-" ? 0 : int.Parse(parts[3].Split(':')[^1])))
            .ToList();
    }

    private static string Configuration(string directory, int port, IEnumerable<Uri> nodes) => $$"""
        worker_processes 1;
        daemon off;
        pid {{directory}}/nginx.pid;
        error_log {{directory}}/error.log warn;
        events { worker_connections 512; }
        http {
            log_format node '$request_method $uri $status $upstream_addr';
            access_log {{directory}}/access.log node;
            client_body_temp_path {{directory}}/client_body;
            proxy_temp_path {{directory}}/proxy;
            fastcgi_temp_path {{directory}}/fastcgi;
            uwsgi_temp_path {{directory}}/uwsgi;
            scgi_temp_path {{directory}}/scgi;

            map $http_upgrade $connection_upgrade {
                default upgrade;
                ''      close;
            }

            # Round-robin, no sticky sessions: consecutive requests go to different nodes.
            upstream taskchat {
        {{string.Concat(nodes.Select(node => $"        server 127.0.0.1:{node.Port};\n"))}}    }

            server {
                listen 127.0.0.1:{{port}};
                location / {
                    proxy_pass http://taskchat;
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection $connection_upgrade;
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    proxy_read_timeout 1h;
                    proxy_buffering off;
                }
            }
        }
        """;

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Address.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A worker may still be closing its log; the temp directory is left behind.
        }
    }
}
