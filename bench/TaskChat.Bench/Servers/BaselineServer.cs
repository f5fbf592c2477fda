using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaskChat.Bench.Model;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Operations;

namespace TaskChat.Bench.Servers;

/// <summary>
/// The floor TaskChat is compared with: a bare SignalR hub on Kestrel that streams the same
/// scripted tokens at the same pace, as the same event records with the same JSON settings,
/// so the bytes per token match. No authentication, persistence, event bus or tools.
/// </summary>
internal sealed class BaselineServer(WebApplication app) : IBenchServer
{
    public Uri HubUrl { get; private set; } = null!;

    /// <param name="batch">When set, the hub is a <see cref="BatcherHub"/> that sends what the model gave every interval.</param>
    public static async Task<BaselineServer> StartAsync(ModelScript script, TimeSpan? batch = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(script);
        builder.Services.AddSingleton(new BatchInterval(batch ?? TimeSpan.Zero));
        builder.Services.AddSignalR()
            .AddJsonProtocol(options => OperationsExtensions.ConfigureJson(options.PayloadSerializerOptions));

        var app = builder.Build();
        if (batch is null)
        {
            app.MapHub<BaselineHub>("/hubs/baseline");
        }
        else
        {
            app.MapHub<BatcherHub>("/hubs/baseline");
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new BaselineServer(app) { HubUrl = new Uri(new Uri(address), "/hubs/baseline") };
    }

    public Task<string?> SeedUsersAsync(int count) => Task.FromResult<string?>(null);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>Streams a turn straight from the model to the caller: tokens, then the full text.</summary>
internal sealed class BaselineHub(ModelScript script) : Hub
{
    public async IAsyncEnumerable<ChatEvent> SendMessage(SendMessageRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var conversationId = request.ConversationId ?? Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var content = new StringBuilder();
        long next = 1;
        await foreach (var token in script.TokensAsync(cancellationToken))
        {
            content.Append(token);
            yield return new TokenEvent(conversationId, next++, messageId, token);
        }

        yield return new MessageCompletedEvent(conversationId, next, messageId, content.ToString(), MessageStatus.Completed);
    }
}
