using System.Net;
using System.Net.Http.Json;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Operations;

/// <summary>
/// The app as an OS process on the provider the run asked for: a graceful stop shuts down
/// cleanly, a crash (SIGKILL) loses nothing that was committed, and the app comes back on the
/// same database either way.
/// </summary>
public sealed class ProcessLifecycleTests
{
    [Fact]
    public async Task CommittedTasksSurviveACrashAndARestart()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (email, password) = TestUser.NewCredentials();

        await using (var first = await AppProcess.StartAsync(database.EnvironmentVariables))
        {
            using var client = first.CreateClient();
            using (var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password }))
            {
                Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            }

            using var authorized = first.CreateClient(new BearerTokenHandler(await TaskChatApplication.GetTokenAsync(client, email, password)));
            await authorized.CreateTaskAsync("Written before the crash");

            first.Kill();

            Assert.True(first.HasExited);
            Assert.DoesNotContain("Application is shutting down", first.Output);
        }

        await using var second = await AppProcess.StartAsync(database.EnvironmentVariables);
        using var again = second.CreateClient();
        using var signedIn = second.CreateClient(new BearerTokenHandler(await TaskChatApplication.GetTokenAsync(again, email, password)));
        var tasks = await signedIn.ListTasksAsync();

        Assert.Equal(["Written before the crash"], tasks.Select(t => t.Title));
        Assert.Equal(2, (await signedIn.CreateTaskAsync("Written after the restart")).Number);

        var exitCode = await second.StopAsync();
        Assert.Equal(0, exitCode);
        Assert.Contains("Application is shutting down", second.Output);
    }
}
