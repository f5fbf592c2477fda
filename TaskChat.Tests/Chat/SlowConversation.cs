using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Chat;

/// <summary>
/// Where most resume, stop and scale-out stories begin: a user with <see cref="SlowReplies"/>'
/// tasks, connected to a node, in a conversation that has had one turn.
/// </summary>
public sealed class SlowConversation : IAsyncDisposable
{
    private SlowConversation(TestUser user, HttpClient http, ChatConnection chat, Guid conversationId)
    {
        User = user;
        Http = http;
        Chat = chat;
        ConversationId = conversationId;
    }

    public TestUser User { get; }
    public HttpClient Http { get; }
    public ChatConnection Chat { get; }
    public Guid ConversationId { get; }

    public static async Task<SlowConversation> StartAsync(TaskChatApplication app)
    {
        var user = await app.CreateUserAsync();
        var http = app.CreateClient(user);
        await SlowReplies.AddTasksAsync(http);
        var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
        var conversationId = (await chat.SendAndWaitAsync("hello")).ConversationId;
        return new SlowConversation(user, http, chat, conversationId);
    }

    public void Deconstruct(out TestUser user, out HttpClient http, out ChatConnection chat, out Guid conversationId) =>
        (user, http, chat, conversationId) = (User, Http, Chat, ConversationId);

    public async ValueTask DisposeAsync()
    {
        await Chat.DisposeAsync();
        Http.Dispose();
    }
}
