using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace TaskChat.Web.Assistant.Models;

/// <summary>
/// The one retry policy of model requests. It runs around <c>HttpClient.SendAsync</c>, which the
/// SDK calls with <c>ResponseHeadersRead</c>: it decides on the status line alone, before anyone
/// has read a byte of the body. A reply that has started streaming is never re-requested, so no
/// text can be sent twice; a failure after that point reaches the turn as an exception.
/// </summary>
internal static class ModelRetry
{
    public static HttpRetryStrategyOptions Create(AssistantOptions options)
    {
        var maxDelay = TimeSpan.FromSeconds(options.MaxRetryDelaySeconds);
        var delay = TimeSpan.FromMilliseconds(options.RetryDelayMs);
        return new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = delay,
            MaxDelay = maxDelay > delay ? maxDelay : delay,
            ShouldHandle = arguments => ValueTask.FromResult(ShouldRetry(arguments.Outcome)),
            // Replaces the Retry-After reader the constructor installs, which has no cap.
            DelayGenerator = arguments => ValueTask.FromResult(RetryAfter(arguments.Outcome.Result, maxDelay)),
        };
    }

    /// <summary>429 and 5xx, and a connection that failed before any response. Never a timeout.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500,
        { Exception: HttpRequestException } => true,
        _ => false,
    };

    /// <summary>The server's own wait (OpenAI and Azure send <c>retry-after-ms</c>), capped; null lets the backoff decide.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max)
    {
        if (response is null)
        {
            return null;
        }

        TimeSpan? wanted = null;
        if (response.Headers.TryGetValues("retry-after-ms", out var values)
            && double.TryParse(values.FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds >= 0)
        {
            wanted = TimeSpan.FromMilliseconds(milliseconds);
        }
        else if (response.Headers.RetryAfter is { } retryAfter)
        {
            wanted = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        }

        return wanted is not { } value ? null
            : value < TimeSpan.Zero ? TimeSpan.Zero
            : value > max ? max
            : value;
    }
}
