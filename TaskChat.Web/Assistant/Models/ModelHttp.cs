using Polly;

namespace TaskChat.Web.Assistant.Models;

/// <summary>
/// The HttpClient every model SDK sends through: retry outside, timeouts inside, so each attempt
/// gets its own deadline. The SDKs' own retries and network timeout are switched off (see
/// <see cref="SdkPipeline"/>), so this is the only policy.
/// </summary>
internal static class ModelHttp
{
    public const string ClientName = "TaskChat.Model";

    public static void Add(IServiceCollection services, AssistantOptions options)
    {
        var http = services.AddHttpClient(ClientName)
            // ResponseTimeoutHandler owns the timeouts; HttpClient's 100 s would cut long replies short.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The chat client keeps this HttpClient for the app's life, so the pool renews connections instead.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        if (options.MaxRetries > 0)
        {
            http.AddResilienceHandler("model-retry", pipeline => pipeline.AddRetry(ModelRetry.Create(options)));
        }

        http.AddHttpMessageHandler(() => new ResponseTimeoutHandler(options));
    }
}
