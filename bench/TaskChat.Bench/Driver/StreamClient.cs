using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Bench.Model;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Operations;

namespace TaskChat.Bench.Driver;

/// <summary>
/// One user's real SignalR .NET client over a WebSocket (the JWT goes as ?access_token, as
/// browsers must send it), reading the app's own event records. It keeps one conversation and
/// sends each turn with a client_message_id, as a retry-safe UI does.
/// </summary>
internal sealed class StreamClient : IAsyncDisposable
{
    private const string Prompt = "Tell me a long story about my tasks";

    private readonly HubConnection hub;
    private Guid? conversationId;

    private StreamClient(HubConnection hub) => this.hub = hub;

    /// <summary>The conversation this client's turns go to, once its first turn has started.</summary>
    public Guid? ConversationId => conversationId;

    /// <summary>Where the next turn goes: an existing conversation, or null for a new one.</summary>
    public void UseConversation(Guid? id) => conversationId = id;

    public static async Task<StreamClient> ConnectAsync(Uri hubUrl, string? accessToken, CancellationToken cancellationToken)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(hubUrl, options =>
            {
                if (accessToken is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                }

                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .AddJsonProtocol(options => OperationsExtensions.ConfigureJson(options.PayloadSerializerOptions))
            .Build();
        try
        {
            await hub.StartAsync(cancellationToken);
            return new StreamClient(hub);
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends one message and reads its turn to the end; what it saw goes to the recorder.</summary>
    public async Task RunTurnAsync(TurnRecorder recorder, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var request = new SendMessageRequest(conversationId, Prompt, $"bench-{Guid.NewGuid():N}");
        var sentAt = TokenStamp.NowMicros();
        var sawToken = false;
        try
        {
            await foreach (var chatEvent in hub.StreamAsync<ChatEvent>("SendMessage", request, cancel.Token))
            {
                switch (chatEvent)
                {
                    case TokenEvent token:
                        var now = TokenStamp.NowMicros();
                        if (!sawToken)
                        {
                            sawToken = true;
                            recorder.FirstToken(sentAt, now);
                        }

                        foreach (var stamp in TokenStamp.ParseAll(token.Delta))
                        {
                            recorder.Token(stamp, now);
                        }

                        break;
                    case TurnStartedEvent started:
                        conversationId = started.ConversationId;
                        break;
                    case MessageCompletedEvent { Status: MessageStatus.Completed }:
                        recorder.Completed(sentAt, TokenStamp.NowMicros());
                        return;
                    case MessageCompletedEvent done:
                        recorder.Failed($"turn ended {done.Status}");
                        return;
                    case ErrorEvent error:
                        recorder.Failed($"{error.Code}: {error.Message}");
                        return;
                }
            }

            recorder.Failed("stream ended without message_completed");
        }
        catch (Exception exception) when (exception is OperationCanceledException or HubException or InvalidOperationException or IOException)
        {
            recorder.Failed(cancel.IsCancellationRequested ? $"no end within {timeout.TotalSeconds:0} s" : exception.Message);
        }
    }

    /// <summary>
    /// Follows every later event of a conversation (another client's turns, from any node) with
    /// WatchConversation until <paramref name="cancellationToken"/> ends it; what it saw goes to the recorder.
    /// </summary>
    public async Task WatchAsync(Guid conversation, WatchRecorder recorder, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var chatEvent in hub.StreamAsync<ChatEvent>("WatchConversation", new WatchConversationRequest(conversation, null), cancellationToken))
            {
                switch (chatEvent)
                {
                    case TokenEvent token:
                        recorder.Event(token.MessageId, token.Delta, TokenStamp.NowMicros());
                        break;
                    case ErrorEvent error:
                        recorder.Failed($"{error.Code}: {error.Message}");
                        return;
                }
            }

            // A watch ends only when the watcher cancels it; one the server ended has missed the rest.
            if (!cancellationToken.IsCancellationRequested)
            {
                recorder.Failed("the watch ended before it was cancelled");
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or HubException or InvalidOperationException or IOException)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                recorder.Failed(exception.Message);
            }
        }
    }

    public async ValueTask DisposeAsync() => await hub.DisposeAsync();
}
