using System.Diagnostics;
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Tasks;

/// <summary>
/// <c>/hubs/tasks</c> over a real WebSocket: every change to a user's tasks reaches that user's
/// connections at once, whoever made it, and never anyone else's.
/// </summary>
public sealed class TasksHubTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task EveryKindOfChangeIsAnnouncedToTheOwnerOnly()
    {
        var alice = await app.CreateUserAsync();
        var bob = await app.CreateUserAsync();
        using var api = app.CreateClient(alice);
        await using var aliceHub = await Listener.ConnectAsync(app.ServerAddress, alice);
        await using var bobHub = await Listener.ConnectAsync(app.ServerAddress, bob);

        var clock = Stopwatch.StartNew();
        var task = await api.CreateTaskAsync("Water the plants");
        Assert.Equal(new[] { task.Number }, await aliceHub.NextAsync());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"The announcement took {clock.ElapsedMilliseconds} ms.");

        (await api.PatchAsJsonAsync($"/api/v1/tasks/{task.Number}", new { priority = "high" })).Dispose();
        Assert.Equal(new[] { task.Number }, await aliceHub.NextAsync());
        (await api.DeleteAsync($"/api/v1/tasks/{task.Number}")).Dispose();
        Assert.Equal(new[] { task.Number }, await aliceHub.NextAsync());
        (await api.PostAsync($"/api/v1/tasks/{task.Number}/restore", null)).Dispose();
        Assert.Equal(new[] { task.Number }, await aliceHub.NextAsync());
        (await api.PatchAsJsonAsync("/api/v1/me", new { time_zone = "Europe/Paris" })).Dispose();
        Assert.Empty(await aliceHub.NextAsync());

        // Bob heard nothing of it; his own change reaches him.
        using var bobApi = app.CreateClient(bob);
        await bobApi.CreateTaskAsync("Bob's");
        Assert.Equal(new[] { 1 }, await bobHub.NextAsync());
        Assert.Equal(0, aliceHub.Pending);
    }

    [Fact]
    public async Task AFailedChangeIsNotAnnounced()
    {
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        await using var hub = await Listener.ConnectAsync(app.ServerAddress, user);

        (await api.PostAsJsonAsync("/api/v1/tasks", new { title = "Bad date", due_date = "2026-02-30" })).Dispose();
        (await api.PatchAsJsonAsync("/api/v1/tasks/5", new { title = "Missing" })).Dispose();
        await api.CreateTaskAsync("Good");

        Assert.Equal(new[] { 1 }, await hub.NextAsync());
        Assert.Equal(0, hub.Pending);
    }

    [Fact]
    public async Task TheHubRefusesAnonymousConnections()
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.ServerAddress, "/hubs/tasks"), options => options.Transports = HttpTransportType.WebSockets)
            .Build();
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync().WaitAsync(TestSettings.Timeout));
        }
        finally
        {
            await hub.DisposeAsync();
        }
    }

    /// <summary>A real SignalR client on /hubs/tasks that queues the numbers of each <c>tasks_changed</c>.</summary>
    private sealed class Listener : IAsyncDisposable
    {
        private readonly HubConnection hub;
        private readonly Channel<int[]> received = Channel.CreateUnbounded<int[]>();

        private Listener(HubConnection hub)
        {
            this.hub = hub;
            hub.On<Message>("tasks_changed", message => received.Writer.TryWrite(message.Numbers));
        }

        public int Pending => received.Reader.Count;

        public static async Task<Listener> ConnectAsync(Uri server, TestUser user)
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
            var listener = new Listener(hub);
            await hub.StartAsync().WaitAsync(TestSettings.Timeout);
            return listener;
        }

        public async Task<int[]> NextAsync() => await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        public async ValueTask DisposeAsync() => await hub.DisposeAsync();

        private sealed record Message(int[] Numbers);
    }
}
