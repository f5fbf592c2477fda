using System.Net;
using System.Net.Http.Headers;
using Polly;
using TaskChat.Web.Assistant.Models;

namespace TaskChat.Tests.Models;

/// <summary>The retry decision, which only ever sees a status line or a failed connection.</summary>
public sealed class ModelRetryTests
{
    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.OK, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public void RetriesRateLimitsAndServerErrorsOnly(HttpStatusCode status, bool retried)
    {
        using var response = new HttpResponseMessage(status);

        Assert.Equal(retried, ModelRetry.ShouldRetry(Outcome.FromResult(response)));
    }

    [Fact]
    public void RetriesAFailedConnectionButNeverATimeoutOrACancellation()
    {
        Assert.True(ModelRetry.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("refused"))));
        Assert.False(ModelRetry.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new TimeoutException())));
        Assert.False(ModelRetry.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new OperationCanceledException())));
    }

    [Fact]
    public void TheServersWaitIsHonouredUpToTheCap()
    {
        var cap = TimeSpan.FromSeconds(10);
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
        using var milliseconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        milliseconds.Headers.TryAddWithoutValidation("retry-after-ms", "250");
        using var tooLong = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        tooLong.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1));
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(TimeSpan.FromSeconds(3), ModelRetry.RetryAfter(seconds, cap));
        Assert.Equal(TimeSpan.FromMilliseconds(250), ModelRetry.RetryAfter(milliseconds, cap));
        Assert.Equal(cap, ModelRetry.RetryAfter(tooLong, cap));
        Assert.Null(ModelRetry.RetryAfter(none, cap));
    }
}
