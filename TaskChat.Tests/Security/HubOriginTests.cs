using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Operations;

namespace TaskChat.Tests.Security;

/// <summary>
/// Cross-site WebSocket hijacking: a page on another port of the same host is same-site, so the
/// browser sends the SameSite=Lax cookie with its WebSocket. The hub must refuse it by Origin.
/// </summary>
public sealed class HubOriginTests : IAsyncLifetime
{
    private const string Partner = "http://partner.test:3000";
    private TaskChatApplication app = null!;

    public async Task InitializeAsync() =>
        app = await TaskChatApplication.StartAsync(new Dictionary<string, string?> { ["CORS_ORIGINS"] = $"[\"{Partner}\"]" });

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    private string OwnOrigin => $"http://{app.ServerAddress.Authority}";

    private string OtherPortOrigin => $"http://{app.ServerAddress.Host}:{(app.ServerAddress.Port == 65000 ? 65001 : 65000)}";

    [Fact]
    public async Task WebSocketFromAPageOnAnotherPortWithTheVictimsCookieIsForbidden()
    {
        var (_, session) = await SignedInAsync();
        await using var hub = Connect(session.Cookies, OtherPortOrigin);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync().WaitAsync(TestSettings.Timeout));

        Assert.Contains("403", refused.ToString());
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
        session.Dispose();
    }

    [Fact]
    public async Task NegotiateFromAForeignOriginIsForbidden()
    {
        var (_, session) = await SignedInAsync();
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = session.Cookies }) { BaseAddress = app.ServerAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/chat/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", "http://evil.test");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        session.Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheAppsOwnOriginAndAConfiguredOriginCanChat(bool ownOrigin)
    {
        var (user, session) = await SignedInAsync();
        using (var api = app.CreateClient(user))
        {
            await api.CreateTaskAsync("Renew the passport");
        }

        await using var hub = Connect(session.Cookies, ownOrigin ? OwnOrigin : Partner, negotiate: true);
        await hub.StartAsync().WaitAsync(TestSettings.Timeout);
        var turn = await Turn.ReadAsync(hub.StreamAsync<ChatEvent>("SendMessage", new SendMessageRequest(null, "show me my tasks", null)));

        Assert.Contains("Renew the passport", turn.Completed.Content);
        session.Dispose();
    }

    [Fact]
    public async Task AScriptWithATokenAndNoOriginStillConnects()
    {
        var user = await app.CreateUserAsync();
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);

        var turn = await chat.SendAndWaitAsync("Create a task to buy stamps");

        Assert.Equal(MessageStatus.Completed, turn.Completed.Status);
    }

    private async Task<(TestUser User, PageSession Session)> SignedInAsync()
    {
        var user = await app.CreateUserAsync();
        var session = new PageSession(app.ServerAddress);
        using var signIn = await session.SubmitFormAsync("/signin", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.True(session.HasCookie("taskchat.auth"));
        return (user, session);
    }

    /// <summary>The real SignalR client carrying a browser's cookie and the Origin its page would send.</summary>
    private HubConnection Connect(CookieContainer cookies, string origin, bool negotiate = false) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.ServerAddress, "/hubs/chat"), options =>
            {
                options.Cookies = cookies;
                options.Headers["Origin"] = origin;
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = !negotiate;
            })
            .AddJsonProtocol(options =>
            {
                OperationsExtensions.ConfigureJson(options.PayloadSerializerOptions);
                options.PayloadSerializerOptions.AllowOutOfOrderMetadataProperties = true;
            })
            .Build();
}
