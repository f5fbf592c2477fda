using System.Net;
using System.Net.Http.Json;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Tasks;

/// <summary>A user's tasks are theirs alone; someone else's numbers look like numbers that do not exist.</summary>
public sealed class TaskIsolationTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task OtherUsersGetNotFoundForMyTaskNumbersAndCannotChangeThem()
    {
        var alice = await app.CreateUserAsync();
        var bob = await app.CreateUserAsync();
        using var aliceClient = app.CreateClient(alice);
        using var bobClient = app.CreateClient(bob);
        var first = await aliceClient.CreateTaskAsync("Alice's first task", "private notes");
        var second = await aliceClient.CreateTaskAsync("Alice's second task");
        var before = await aliceClient.ListTasksAsync();

        Assert.Empty(await bobClient.ListTasksAsync());
        foreach (var number in new[] { first.Number, second.Number })
        {
            using var get = await bobClient.GetAsync($"/api/v1/tasks/{number}");
            using var patch = await bobClient.PatchAsJsonAsync($"/api/v1/tasks/{number}", new { title = "Hijacked", is_completed = true });
            using var delete = await bobClient.DeleteAsync($"/api/v1/tasks/{number}");

            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
            Assert.DoesNotContain("Alice", await get.Content.ReadAsStringAsync());
        }

        Assert.Equal(before, await aliceClient.ListTasksAsync());
        using var own = await aliceClient.GetAsync($"/api/v1/tasks/{first.Number}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(first, await own.Content.ReadFromJsonAsync<TaskJson>(TaskChatApplication.Json));
    }

    [Fact]
    public async Task EachUserCountsTheirOwnTaskNumbers()
    {
        var alice = await app.CreateUserAsync();
        var bob = await app.CreateUserAsync();
        using var aliceClient = app.CreateClient(alice);
        using var bobClient = app.CreateClient(bob);

        await aliceClient.CreateTaskAsync("Alice 1");
        await aliceClient.CreateTaskAsync("Alice 2");
        var bobsFirst = await bobClient.CreateTaskAsync("Bob 1");

        Assert.Equal(1, bobsFirst.Number);
        Assert.Equal(["Bob 1"], (await bobClient.ListTasksAsync()).Select(t => t.Title));
        Assert.Equal(["Alice 1", "Alice 2"], (await aliceClient.ListTasksAsync()).Select(t => t.Title));
    }
}
