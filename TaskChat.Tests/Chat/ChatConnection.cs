using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Operations;

namespace TaskChat.Tests.Chat;

/// <summary>
/// The real SignalR .NET client over a real WebSocket, signed in with the user's JWT, with a
/// timeout on every await. Events are read as the web app's own event records.
/// </summary>
public sealed class ChatConnection : IAsyncDisposable
{
    private ChatConnection(HubConnection hub) => Hub = hub;

    public HubConnection Hub { get; }

    public static async Task<ChatConnection> ConnectAsync(Uri server, TestUser user)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/chat"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(user.AccessToken);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            // The server allows stateful reconnect; every test connection asks for it.
            .WithStatefulReconnect()
            .AddJsonProtocol(options =>
            {
                OperationsExtensions.ConfigureJson(options.PayloadSerializerOptions);
                options.PayloadSerializerOptions.AllowOutOfOrderMetadataProperties = true;
            })
            .Build();
        await hub.StartAsync().WaitAsync(TestSettings.Timeout);
        return new ChatConnection(hub);
    }

    public IAsyncEnumerable<ChatEvent> Send(string text, Guid? conversationId = null, string? clientMessageId = null, CancellationToken cancellationToken = default) =>
        Hub.StreamAsync<ChatEvent>("SendMessage", new SendMessageRequest(conversationId, text, clientMessageId), cancellationToken);

    public IAsyncEnumerable<ChatEvent> Watch(Guid conversationId, long? afterEvent = null, CancellationToken cancellationToken = default) =>
        Hub.StreamAsync<ChatEvent>("WatchConversation", new WatchConversationRequest(conversationId, afterEvent), cancellationToken);

    /// <summary>Sends a message and reads its whole turn (until message_completed or an error).</summary>
    public async Task<Turn> SendAndWaitAsync(string text, Guid? conversationId = null, string? clientMessageId = null)
    {
        using var timeout = new CancellationTokenSource(TestSettings.Timeout);
        var events = new List<ChatEvent>();
        await foreach (var chatEvent in Send(text, conversationId, clientMessageId, timeout.Token))
        {
            events.Add(chatEvent);
        }

        return new Turn(events);
    }

    /// <summary>Sends a message and reads its turn until <paramref name="tokens"/> tokens arrived, then stops reading.</summary>
    public async Task<List<ChatEvent>> SendAndReadTokensAsync(string text, Guid conversationId, int tokens)
    {
        using var timeout = new CancellationTokenSource(TestSettings.Timeout);
        var seen = new List<ChatEvent>();
        await foreach (var chatEvent in Send(text, conversationId, cancellationToken: timeout.Token))
        {
            seen.Add(chatEvent);
            if (seen.OfType<TokenEvent>().Count() == tokens)
            {
                break;
            }
        }

        return seen;
    }

    public IAsyncEnumerable<ChatEvent> Edit(Guid conversationId, Guid messageId, string text, string? clientMessageId = null, CancellationToken cancellationToken = default) =>
        Hub.StreamAsync<ChatEvent>("EditMessage", new EditMessageRequest(conversationId, messageId, text, clientMessageId), cancellationToken);

    public IAsyncEnumerable<ChatEvent> Regenerate(Guid conversationId, Guid messageId, string? clientMessageId = null, CancellationToken cancellationToken = default) =>
        Hub.StreamAsync<ChatEvent>("RegenerateReply", new RegenerateReplyRequest(conversationId, messageId, clientMessageId), cancellationToken);

    public Task<Turn> EditAndWaitAsync(Guid conversationId, Guid messageId, string text, string? clientMessageId = null) =>
        Turn.ReadAsync(Edit(conversationId, messageId, text, clientMessageId));

    public Task<Turn> RegenerateAndWaitAsync(Guid conversationId, Guid messageId, string? clientMessageId = null) =>
        Turn.ReadAsync(Regenerate(conversationId, messageId, clientMessageId));

    public Task<Turn> ConfirmAsync(Guid conversationId, Guid toolCallId, bool approve) =>
        Turn.ReadAsync(Hub.StreamAsync<ChatEvent>("ConfirmToolCall", new ConfirmToolCallRequest(conversationId, toolCallId, approve)));

    public Task StopAsync(Guid conversationId) =>
        Hub.InvokeAsync("StopGeneration", new StopGenerationRequest(conversationId)).WaitAsync(TestSettings.Timeout);

    public async ValueTask DisposeAsync() => await Hub.DisposeAsync();
}

/// <summary>The events of one turn, with what a user would see of them.</summary>
public sealed record Turn(IReadOnlyList<ChatEvent> Events)
{
    public static async Task<Turn> ReadAsync(IAsyncEnumerable<ChatEvent> stream)
    {
        using var timeout = new CancellationTokenSource(TestSettings.Timeout);
        var events = new List<ChatEvent>();
        await foreach (var chatEvent in stream.WithCancellation(timeout.Token))
        {
            events.Add(chatEvent);
        }

        return new Turn(events);
    }

    public TurnStartedEvent Started => Events.OfType<TurnStartedEvent>().Single();
    public Guid ConversationId => Started.ConversationId;
    public MessageCompletedEvent Completed => Events.OfType<MessageCompletedEvent>().Single();
    public IReadOnlyList<TokenEvent> Tokens => Events.OfType<TokenEvent>().ToList();
    public string StreamedText => Events.StreamedText();
    public ErrorEvent? Error => Events.OfType<ErrorEvent>().FirstOrDefault();
    public IReadOnlyList<ToolCallStartedEvent> ToolStarts => Events.OfType<ToolCallStartedEvent>().ToList();
    public IReadOnlyList<ToolCallCompletedEvent> ToolResults => Events.OfType<ToolCallCompletedEvent>().ToList();

    /// <summary>Event numbers strictly increasing with no gap: what resuming relies on.</summary>
    public static void AssertContiguous(IEnumerable<ChatEvent> events)
    {
        var numbers = events.Select(e => e.Event).ToList();
        Assert.Equal(Enumerable.Range(0, numbers.Count).Select(i => numbers[0] + i), numbers);
    }
}

internal static class ChatHttp
{
    public static async Task<MessagePage> MessagesAsync(this HttpClient client, Guid conversationId, int? before = null, int? limit = null)
    {
        var query = string.Join("&", new[] { before is null ? null : $"before={before}", limit is null ? null : $"limit={limit}" }.Where(q => q is not null));
        var page = await client.GetFromJsonAsync<MessagePage>($"/api/v1/conversations/{conversationId}/messages?{query}", JsonDefaults.Wire);
        return page!;
    }

    /// <summary>PUT .../branch: the branch through the message becomes current.</summary>
    public static async Task<MessagePage> SwitchBranchAsync(this HttpClient client, Guid conversationId, Guid messageId)
    {
        using var response = await client.PutAsJsonAsync($"/api/v1/conversations/{conversationId}/branch", new { message_id = messageId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MessagePage>(JsonDefaults.Wire))!;
    }

    public static async Task<JsonElement> TasksAsync(this HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>("/api/v1/tasks");
}
