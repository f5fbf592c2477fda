using System.Net;
using System.Net.Http.Json;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Operations;

/// <summary>
/// What operators read must not hand out accounts: the app's whole console output, across
/// sign-up, sign-in (right and wrong), token, API and hub-style requests, contains no password
/// and no token, including the <c>access_token</c> SignalR puts in the query string.
/// </summary>
public sealed class LogRedactionTests
{
    [Fact]
    public async Task ConsoleOutputContainsNoPasswordAndNoToken()
    {
        await using var database = TestDatabase.CreateSqlite();
        var environment = new Dictionary<string, string?>(database.EnvironmentVariables) { ["ASPNETCORE_ENVIRONMENT"] = "Production" };
        await using var app = await AppProcess.StartAsync(environment);
        using var client = app.CreateClient();

        var (email, password) = TestUser.NewCredentials();
        const string wrongPassword = "wrong-Pa55word-0f6b2c91";
        using (var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        using (var refused = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = wrongPassword }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var token = await TaskChatApplication.GetTokenAsync(client, email, password);
        using (var authorized = app.CreateClient(new BearerTokenHandler(token)))
        {
            await authorized.CreateTaskAsync("Logged request");
            Assert.Single(await authorized.ListTasksAsync());
        }

        // WebSockets cannot send headers, so SignalR clients put the JWT in the query string.
        var hubStatuses = new List<HttpStatusCode>();
        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, $"/hubs/chat?access_token={token}"),
            (HttpMethod.Post, $"/hubs/chat/negotiate?negotiateVersion=1&access_token={token}"),
            (HttpMethod.Get, $"/api/v1/tasks?access_token={token}"),
        })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, path));
            hubStatuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.InternalServerError, hubStatuses);

        using (var session = new PageSession(app.BaseAddress))
        {
            using var wrong = await session.SubmitFormAsync("/signin", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = wrongPassword,
            });
            using var right = await session.SubmitFormAsync("/signin", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            });
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        }

        // A graceful stop flushes the console sink, so the output below is complete.
        await app.StopAsync();
        var output = app.Output;

        // The capture works: the requests above were logged (path only).
        Assert.Contains("HTTP POST /api/v1/auth/token responded 200", output);
        Assert.Contains("HTTP GET /hubs/chat responded", output);
        Assert.Contains("HTTP POST /signin responded", output);

        var segments = token.Split('.');
        Assert.Equal(3, segments.Length);
        Assert.DoesNotContain(password, output);
        Assert.DoesNotContain(wrongPassword, output);
        Assert.DoesNotContain(token, output);
        Assert.DoesNotContain(segments[1], output);
        Assert.DoesNotContain(segments[2], output);
        Assert.DoesNotContain("access_token=", output);
        Assert.DoesNotContain(TestSettings.JwtSecret, output);
    }
}
