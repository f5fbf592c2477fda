using System.ClientModel.Primitives;

namespace TaskChat.Web.Assistant.Models;

/// <summary>
/// Points an OpenAI or Azure OpenAI SDK client at <see cref="ModelHttp"/>'s HttpClient and turns off
/// what that client already does: the SDK's retries (two retry layers would multiply attempts) and
/// its network timeout (which spans all attempts and would fight the per-attempt deadline).
/// </summary>
internal static class SdkPipeline
{
    public static T Use<T>(T options, HttpClient http) where T : ClientPipelineOptions
    {
        options.Transport = new HttpClientPipelineTransport(http);
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        options.NetworkTimeout = Timeout.InfiniteTimeSpan;
        return options;
    }
}
