using System.Net;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Operations;

/// <summary>CORS_ORIGINS (a JSON array) names the only origins a browser may call from.</summary>
public sealed class CorsTests : IAsyncLifetime
{
    private const string Allowed = "http://allowed.test:3000";
    private const string Other = "http://other.test:3000";
    private TaskChatApplication app = null!;

    public async Task InitializeAsync() =>
        app = await TaskChatApplication.StartAsync(new Dictionary<string, string?>
        {
            ["CORS_ORIGINS"] = $"[\"{Allowed}\", \"http://second.test\"]",
        });

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    [Fact]
    public async Task AllowedOriginIsEchoedAndAnotherIsNot()
    {
        using var client = app.CreateAnonymousClient();

        using var allowed = await SendAsync(client, HttpMethod.Get, "/health/live", Allowed);
        using var other = await SendAsync(client, HttpMethod.Get, "/health/live", Other);

        Assert.Equal(Allowed, Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task PreflightForTheTasksApiAllowsOnlyTheConfiguredOrigin()
    {
        using var client = app.CreateAnonymousClient();

        using var allowed = await SendAsync(client, HttpMethod.Options, "/api/v1/tasks", Allowed, preflight: true);
        using var other = await SendAsync(client, HttpMethod.Options, "/api/v1/tasks", Other, preflight: true);

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(Allowed, Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Methods")));
        Assert.Contains("authorization", string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string origin, bool preflight = false)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        if (preflight)
        {
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        }

        return client.SendAsync(request);
    }
}
