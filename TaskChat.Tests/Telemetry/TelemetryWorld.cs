using System.Net;
using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Telemetry;

/// <summary>
/// The app exporting to an <see cref="OtlpReceiver"/> over OTLP/HTTP protobuf, with short export
/// intervals, and one user's turn through the hub: the offline assistant adds a task whose title
/// carries a word no other test uses, so the exports can be searched for it.
/// </summary>
public sealed class TelemetryWorld : IAsyncLifetime
{
    public string ServiceName { get; } = $"taskchat-test-{Guid.NewGuid():N}";

    /// <summary>Ends up in the message, the task's title, the tool's arguments and the reply.</summary>
    public string SecretWord { get; } = $"zebra{Guid.NewGuid():N}";

    public string MessageText => $"Create a task to buy {SecretWord}";

    public OtlpReceiver Receiver { get; private set; } = null!;
    public TaskChatApplication App { get; private set; } = null!;
    public TestUser User { get; private set; } = null!;
    public Turn Turn { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await OtlpReceiver.StartAsync();
        App = await TaskChatApplication.StartAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Receiver.Address.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = ServiceName,
            // The SDK's defaults are 60 s and 5 s; these make the test's wait short, and prove they are read.
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
        User = await App.CreateUserAsync();

        await using (var chat = await ChatConnection.ConnectAsync(App.ServerAddress, User))
        {
            Turn = await chat.SendAndWaitAsync(MessageText);
        }

        // The browser's way to send the JWT to the hub: in the query string.
        using var anonymous = App.CreateAnonymousClient();
        using var negotiate = await anonymous.PostAsync($"/hubs/chat/negotiate?negotiateVersion=1&access_token={User.AccessToken}", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        using var api = App.CreateClient(User);
        Assert.Contains(SecretWord, await api.GetStringAsync("/api/v1/tasks"));
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
