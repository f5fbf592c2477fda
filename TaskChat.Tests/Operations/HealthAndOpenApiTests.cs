using System.Net;
using System.Text.Json;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Operations;

public sealed class HealthAndOpenApiTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpointsAnswerHealthyWithoutSigningIn(string path)
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ServerListensOnLoopbackOnly()
    {
        Assert.Equal("127.0.0.1", app.ServerAddress.Host);
        Assert.NotEqual(0, app.ServerAddress.Port);

        using var client = app.CreateAnonymousClient();
        using var response = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocumentListsTheTasksApi()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/tasks", paths);
        Assert.Contains("/api/v1/auth/token", paths);
        Assert.Contains(paths, path => path.StartsWith("/api/v1/tasks/{number", StringComparison.Ordinal));
    }
}
