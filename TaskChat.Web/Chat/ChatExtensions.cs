using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TaskChat.Web.Chat.Branches;
using TaskChat.Web.Chat.Conversations;
using TaskChat.Web.Chat.Endpoints;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Chat.Exports;
using TaskChat.Web.Chat.Search;
using TaskChat.Web.Chat.Turns;
using TaskChat.Web.Operations;

namespace TaskChat.Web.Chat;

// Reads the Chat section (see ChatSettings): MaxMessageLength, MaxHubMessageBytes, FlushInterval, FinalWriteRetryWindow,
// HistoryMessages.
public static class ChatExtensions
{
    public static WebApplicationBuilder AddChat(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ChatSettings>().BindConfiguration("Chat");
        var settings = builder.Configuration.GetSection("Chat").Get<ChatSettings>() ?? new ChatSettings();

        builder.Services.AddSignalR(options =>
            {
                options.MaximumReceiveMessageSize = settings.MaxHubMessageBytes;
                options.EnableDetailedErrors = true;
                options.AddFilter<HubErrors>();
            })
            .AddJsonProtocol(options => OperationsExtensions.ConfigureJson(options.PayloadSerializerOptions));

        builder.Services.AddSingleton<TurnRegistry>();
        builder.Services.AddSingleton<ChatMetrics>();
        builder.Services.AddSingleton<PartialReplyWriter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PartialReplyWriter>());
        builder.Services.AddSingleton<TurnEndWriter>();
        builder.Services.AddHostedService<TurnDrain>();
        builder.Services.AddSingleton<TurnClaims>();
        builder.Services.AddSingleton<TurnRunner>();
        builder.Services.AddSingleton<TurnLifecycle>();
        builder.Services.AddSingleton<TurnFollower>();
        builder.Services.AddSingleton<ConversationFeeds>();
        builder.Services.TryAddSingleton<IChatEventBus, InMemoryChatEventBus>();
        builder.Services.TryAddSingleton<ITurnLeases, LocalTurnLeases>();
        builder.Services.AddScoped<ConversationStore>();
        builder.Services.AddScoped<BranchSwitcher>();
        builder.Services.AddScoped<ConversationExporter>();
        builder.Services.AddScoped<MessageSearch>();
        builder.Services.AddHostedService<InterruptedTurnRecovery>();
        return builder;
    }

    public static WebApplication MapChat(this WebApplication app)
    {
        app.MapChatApi();
        app.MapConversationsApi();
        app.MapBranchesApi();
        app.MapSearchApi();
        app.MapHub<ChatHub>("/hubs/chat", options =>
        {
            options.AllowStatefulReconnects = true;
            options.Transports = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling;
        });
        return app;
    }
}
