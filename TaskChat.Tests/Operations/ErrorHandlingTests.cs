using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Data;

namespace TaskChat.Tests.Operations;

/// <summary>
/// In production an unexpected failure is a 500 that says so: ProblemDetails for the API, the
/// error page for people; never a stack trace, and never another status that hides it.
/// </summary>
public sealed class ErrorHandlingTests : IAsyncLifetime
{
    private TaskChatApplication app = null!;

    public async Task InitializeAsync() =>
        app = await TaskChatApplication.StartAsync(new Dictionary<string, string?> { ["environment"] = "Production" });

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    [Fact]
    public async Task AFailureInsideTheApiIsA500ProblemDetailsAndInAPageTheErrorPage()
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        using var session = new PageSession(app.ServerAddress);
        await session.SubmitFormAsync("/signin", new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });

        // Break what the task routes read, so they fail the way a lost database would.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TaskChatDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE tasks");
        }

        using var post = await http.PostAsJsonAsync("/api/v1/tasks", new { title = "Buy milk" });
        using var get = await http.GetAsync("/api/v1/tasks");
        using var page = await session.GetAsync("/tasks");

        foreach (var response in new[] { post, get })
        {
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{response.RequestMessage?.Method} {response.Content.Headers.ContentType}: {await response.Content.ReadAsStringAsync()}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("\"status\":500", body);
            Assert.DoesNotContain("does not exist", body); // PostgreSQL's message
            Assert.DoesNotContain("no such table", body); // SQLite's
        }

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Contains("Something went wrong", await page.Content.ReadAsStringAsync());
    }
}
