
namespace TaskChat.Web.Assistant.Models;

/// <summary>
/// The model's timeouts, per attempt (it sits inside the retry handler). From the moment a request
/// is sent, the connection, the response headers and the first bytes of the streamed body must
/// arrive within <see cref="AssistantOptions.FirstTokenTimeout"/>; after that, each read may wait
/// at most <see cref="AssistantOptions.StreamIdleTimeout"/>. Either failure aborts the request and
/// surfaces as a <see cref="TimeoutException"/>, which is never retried: a reply may have started.
/// </summary>
internal sealed class ResponseTimeoutHandler(AssistantOptions options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Not linked to the caller's token: the SDK disposes the source behind that token once the
        // headers are in, and this deadline must keep running until the first bytes of the body.
        var firstBytes = new CancellationTokenSource(options.FirstTokenTimeout);
        HttpResponseMessage response;
        try
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, firstBytes.Token);
            response = await base.SendAsync(request, attempt.Token);
        }
        catch (Exception exception) when (firstBytes.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            firstBytes.Dispose();
            throw FirstTokenTimeout(exception);
        }
        catch
        {
            firstBytes.Dispose();
            throw;
        }

        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var timed = new StreamContent(new TimedResponseStream(body, firstBytes, options.StreamIdleTimeout, FirstTokenTimeout, StreamStalled));
            foreach (var header in response.Content.Headers)
            {
                timed.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = timed;
            return response;
        }
        catch
        {
            firstBytes.Dispose();
            response.Dispose();
            throw;
        }
    }

    private TimeoutException FirstTokenTimeout(Exception? inner) => new(
        $"The model sent nothing within {options.FirstTokenTimeoutSeconds} s (Assistant:FirstTokenTimeoutSeconds).", inner);

    private TimeoutException StreamStalled(Exception? inner) => new(
        $"The model's reply stalled for {options.StreamIdleTimeoutSeconds} s mid-stream (Assistant:StreamIdleTimeoutSeconds).", inner);
}
