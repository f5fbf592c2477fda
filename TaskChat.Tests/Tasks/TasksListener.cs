using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Tasks;

/// <summary>A real SignalR client on /hubs/tasks that queues the numbers of each <c>tasks_changed</c>.</summary>
internal sealed class TasksListener : IAsyncDisposable
{
    private readonly HubConnection hub;
    private readonly Channel<int[]> received = Channel.CreateUnbounded<int[]>();

    private TasksListener(HubConnection hub)
    {
        this.hub = hub;
        hub.On<Message>("tasks_changed", message => received.Writer.TryWrite(message.Numbers));
    }

    public int Pending => received.Reader.Count;

    public static async Task<TasksListener> ConnectAsync(Uri server, TestUser user)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/tasks"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(user.AccessToken);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .AddJsonProtocol(options => options.PayloadSerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower)
            .Build();
        var listener = new TasksListener(hub);
        await hub.StartAsync().WaitAsync(TestSettings.Timeout);
        return listener;
    }

    public async Task<int[]> NextAsync() => await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

    public async ValueTask DisposeAsync() => await hub.DisposeAsync();

    private sealed record Message(int[] Numbers);
}
