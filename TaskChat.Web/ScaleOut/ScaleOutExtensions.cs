using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Chat.Turns;

namespace TaskChat.Web.ScaleOut;

// Reads ConnectionStrings:Redis (ConnectionStrings__Redis), e.g. "localhost:6379".
// Without it TaskChat runs as one node: events in memory, data protection keys under App_Data/keys.
// With it, several nodes behind a load balancer share, through Redis: SignalR's backplane, the
// chat event bus (live events and the in-flight turn's buffer), turn leases and stop requests,
// and the data protection keys, so a cookie issued by one node is accepted by every other.
public static class ScaleOutExtensions
{
    public const string ApplicationName = "TaskChat";

    public static WebApplicationBuilder AddScaleOut(this WebApplicationBuilder builder)
    {
        var redis = builder.Configuration.GetConnectionString("Redis");
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        if (string.IsNullOrWhiteSpace(redis))
        {
            var keys = Path.Combine(builder.Environment.ContentRootPath, "App_Data", "keys");
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
            return builder;
        }

        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        options.ClientName = $"taskchat-{Environment.MachineName}";
        var multiplexer = ConnectionMultiplexer.Connect(options);
        builder.Services.AddSingleton<IConnectionMultiplexer>(multiplexer);

        dataProtection.PersistKeysToStackExchangeRedis(multiplexer, RedisKeys.DataProtection);
        builder.Services.AddSignalR().AddStackExchangeRedis(redis, signalR => signalR.Configuration.ChannelPrefix = RedisChannel.Literal(RedisKeys.Prefix));

        builder.Services.AddSingleton<RedisChatEventBus>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IChatEventBus>(services => services.GetRequiredService<RedisChatEventBus>()));
        builder.Services.AddSingleton<RedisTurnLeases>();
        builder.Services.Replace(ServiceDescriptor.Singleton<ITurnLeases>(services => services.GetRequiredService<RedisTurnLeases>()));
        builder.Services.AddHostedService(services => services.GetRequiredService<RedisChatEventBus>());
        builder.Services.AddHostedService(services => services.GetRequiredService<RedisTurnLeases>());
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return builder;
    }
}
