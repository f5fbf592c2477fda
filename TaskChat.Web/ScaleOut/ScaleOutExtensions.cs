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
// Faults stay short: a dead node's turns end as interrupted within seconds (AbandonedTurnSweeper),
// and a Redis outage ends live streams with stream_interrupted while turns go on (RedisAvailability).
public static class ScaleOutExtensions
{
    public const string ApplicationName = "TaskChat";

    public static WebApplicationBuilder AddScaleOut(this WebApplicationBuilder builder)
    {
        var redis = builder.Configuration.GetConnectionString("Redis");
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        builder.Services.AddSingleton(new ScaleOutMode(!string.IsNullOrWhiteSpace(redis)));
        if (string.IsNullOrWhiteSpace(redis))
        {
            var keys = Path.Combine(builder.Environment.ContentRootPath, "App_Data", "keys");
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
            return builder;
        }

        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        options.ClientName = $"taskchat-{Environment.MachineName}";
        // While Redis is out, a command fails at once instead of waiting in a backlog that would
        // be sent, out of date, after the turns' lists were written again (RedisChatEventBus).
        options.BacklogPolicy = BacklogPolicy.FailFast;
        // Reconnect attempts every second, so every node is back within about a second of Redis.
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        var multiplexer = ConnectionMultiplexer.Connect(options);
        builder.Services.AddSingleton<IConnectionMultiplexer>(multiplexer);

        dataProtection.PersistKeysToStackExchangeRedis(multiplexer, RedisKeys.DataProtection);
        builder.Services.AddSignalR().AddStackExchangeRedis(redis, signalR => signalR.Configuration.ChannelPrefix = RedisChannel.Literal(RedisKeys.Prefix));

        builder.Services.AddSingleton<RedisAvailability>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RedisAvailability>());
        builder.Services.AddSingleton<RedisChatEventBus>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IChatEventBus>(services => services.GetRequiredService<RedisChatEventBus>()));
        builder.Services.AddSingleton<RedisTurnLeases>();
        builder.Services.Replace(ServiceDescriptor.Singleton<ITurnLeases>(services => services.GetRequiredService<RedisTurnLeases>()));
        builder.Services.AddHostedService(services => services.GetRequiredService<RedisChatEventBus>());
        builder.Services.AddHostedService(services => services.GetRequiredService<RedisTurnLeases>());
        builder.Services.AddHostedService<AbandonedTurnSweeper>();
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return builder;
    }
}
