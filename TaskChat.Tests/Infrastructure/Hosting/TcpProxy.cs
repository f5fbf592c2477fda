using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace TaskChat.Tests.Infrastructure.Hosting;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of one server (PostgreSQL here), so a test can make that
/// server unreachable for one app only: <see cref="Cut"/> drops every open connection and refuses
/// new ones until <see cref="Restore"/>. Other users of the real server are not affected.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint upstream;
    private readonly ConcurrentDictionary<TcpClient, byte> open = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private volatile bool cut;

    public TcpProxy(IPEndPoint upstream)
    {
        this.upstream = upstream;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public void Cut()
    {
        cut = true;
        foreach (var client in open.Keys)
        {
            Close(client);
        }
    }

    public void Restore() => cut = false;

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }

            if (cut)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }

            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        var server = new TcpClient();
        open[client] = 0;
        open[server] = 0;
        try
        {
            await server.ConnectAsync(upstream, stopping.Token);
            var a = client.GetStream().CopyToAsync(server.GetStream(), stopping.Token);
            var b = server.GetStream().CopyToAsync(client.GetStream(), stopping.Token);
            await Task.WhenAny(a, b);
        }
        catch (Exception)
        {
            // A cut or a closed side: both ends go.
        }
        finally
        {
            Close(client);
            Close(server);
        }
    }

    private void Close(TcpClient client)
    {
        open.TryRemove(client, out _);
        try
        {
            // A reset, as a dead network or server looks to the driver, not a polite close.
            client.Client.LingerState = new LingerOption(true, 0);
        }
        catch (Exception)
        {
            // Already closed.
        }

        client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        Cut();
        await accepting;
        stopping.Dispose();
    }
}
