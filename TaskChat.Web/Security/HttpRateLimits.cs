using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace TaskChat.Web.Security;

/// <summary>
/// The HTTP side of the limits, as one partitioned limiter in front of every endpoint: sign-in and
/// register per client address, the REST API per user, and concurrent hub connections per user
/// (a WebSocket, or a server-sent-events stream, is one request that lasts as long as the
/// connection, so a concurrency lease held for the request is a connection slot).
/// </summary>
internal static class HttpRateLimits
{
    /// <summary>What a rejected connection is told to wait: connection slots have no refill time.</summary>
    private static readonly TimeSpan ConnectionRetry = TimeSpan.FromSeconds(10);

    public static void Configure(RateLimiterOptions limiter, RateLimitOptions limits)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits));
        limiter.OnRejected = RejectAsync;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions limits)
    {
        var request = context.Request;
        if (IsAuthAttempt(request))
        {
            return PerMinute($"auth:{ClientAddress(context)}", limits.AuthAttemptsPerMinute);
        }

        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (request.Path.StartsWithSegments("/hubs") && !request.Path.Value!.EndsWith("/negotiate", StringComparison.Ordinal) && userId is not null)
        {
            // Per hub: a page may hold a chat and a tasks connection at once.
            return RateLimitPartition.GetConcurrencyLimiter($"hub:{request.Path.Value}:{userId}", _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = limits.ConnectionsPerUser,
                QueueLimit = 0,
            });
        }

        if (request.Path.StartsWithSegments("/api"))
        {
            return PerMinute($"api:{userId ?? ClientAddress(context)}", limits.ApiRequestsPerMinute);
        }

        return RateLimitPartition.GetNoLimiter("none");
    }

    private static bool IsAuthAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments("/api/v1/auth") || request.Path.Equals("/signin", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/signup", StringComparison.OrdinalIgnoreCase));

    /// <summary>After the forwarded-headers step, so behind a configured proxy this is the client, not the proxy.</summary>
    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : ConnectionRetry;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Too many requests in a short time. Try again in {seconds} s.",
                Extensions = { ["retry_after_seconds"] = seconds },
            },
        });
        if (!written)
        {
            await context.Response.WriteAsync($"Too many requests. Try again in {seconds} s.", cancellationToken);
        }
    }
}
