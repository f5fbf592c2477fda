using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Assistant;

/// <summary>
/// One user's conversation with the assistant through one of the two ways in: POST /api/v1/chat
/// ("rest") or the hub's SendMessage over a real SignalR connection ("hub"). Either way the reply
/// is what the user reads, and the tasks are read back through the REST API.
/// </summary>
public sealed class AssistantChat : IAsyncDisposable
{
    private readonly ChatConnection? hub;

    private AssistantChat(HttpClient http, ChatConnection? hub)
    {
        Http = http;
        this.hub = hub;
    }

    public HttpClient Http { get; }

    public Guid? ConversationId { get; private set; }

    public static async Task<AssistantChat> StartAsync(TaskChatApplication app, string transport, string? timeZone = null)
    {
        var user = await app.CreateUserAsync();
        var http = app.CreateClient(user);
        if (timeZone is not null)
        {
            using var patched = await http.PatchAsJsonAsync("/api/v1/me", new { time_zone = timeZone });
            Assert.True(patched.IsSuccessStatusCode, $"PATCH /api/v1/me returned {(int)patched.StatusCode}");
        }

        var hub = transport switch
        {
            "hub" => await ChatConnection.ConnectAsync(app.ServerAddress, user),
            "rest" => null,
            _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, "rest or hub"),
        };
        return new AssistantChat(http, hub);
    }

    /// <summary>Sends a message in this conversation and returns the assistant's reply.</summary>
    public async Task<string> SayAsync(string message)
    {
        if (hub is not null)
        {
            var turn = await hub.SendAndWaitAsync(message, ConversationId);
            Assert.Null(turn.Error);
            ConversationId = turn.ConversationId;
            return turn.Completed.Content;
        }

        using var response = await Http.PostAsJsonAsync("/api/v1/chat", new { message, conversation_id = ConversationId });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/v1/chat returned {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        ConversationId = json.RootElement.GetProperty("conversation_id").GetGuid();
        return json.RootElement.GetProperty("response").GetString()!;
    }

    public Task<List<TaskJson>> TasksAsync() => Http.ListTasksAsync();

    public async Task<TaskJson> TaskAsync(int number) => Assert.Single(await TasksAsync(), t => t.Number == number);

    /// <summary>The names of the tool calls in this conversation, oldest first.</summary>
    public async Task<List<string>> ToolCallsAsync()
    {
        var page = await Http.MessagesAsync(ConversationId!.Value);
        return page.Messages.SelectMany(m => m.ToolCalls).Select(c => c.Name).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (hub is not null)
        {
            await hub.DisposeAsync();
        }
    }
}
