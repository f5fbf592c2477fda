using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Tasks;

/// <summary>
/// Per-user numbers 1, 2, 3 ... that are never reused, also under concurrent creates. The suite
/// runs once per provider (TASKCHAT_TEST_DB), so this is checked on SQLite and PostgreSQL.
/// </summary>
public sealed class TaskNumberTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task NumbersCountUpAndAreNeverReusedAfterDelete()
    {
        using var client = app.CreateClient(await app.CreateUserAsync());

        var created = new List<int>();
        foreach (var title in new[] { "One", "Two", "Three" })
        {
            created.Add((await client.CreateTaskAsync(title)).Number);
        }

        Assert.Equal([1, 2, 3], created);

        using (var deleted = await client.DeleteAsync("/api/v1/tasks/3"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal(4, (await client.CreateTaskAsync("Four")).Number);

        using (var deleted = await client.DeleteAsync("/api/v1/tasks/1"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var again = await client.DeleteAsync("/api/v1/tasks/1"))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }

        Assert.Equal(5, (await client.CreateTaskAsync("Five")).Number);
        Assert.Equal([2, 4, 5], (await client.ListTasksAsync()).Select(t => t.Number));
        Assert.Equal(["Two", "Four", "Five"], (await client.ListTasksAsync()).Select(t => t.Title));
    }

    [Fact]
    public async Task ConcurrentCreatesGetDistinctConsecutiveNumbers()
    {
        const int count = 20;
        var user = await app.CreateUserAsync();
        using var client = app.CreateClient(user);
        await client.CreateTaskAsync("Before the rush");

        // Twenty requests on twenty connections at once; the server sees them overlap.
        using var gate = new SemaphoreSlim(0);
        var creates = Enumerable.Range(1, count).Select(async i =>
        {
            using var own = app.CreateClient(user);
            await gate.WaitAsync(TestSettings.Timeout);
            using var response = await own.PostAsJsonAsync("/api/v1/tasks", new { title = $"Parallel {i}" });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
            return JsonSerializer.Deserialize<TaskJson>(body, TaskChatApplication.Json)!;
        }).ToList();
        gate.Release(count);
        var tasks = await Task.WhenAll(creates).WaitAsync(TestSettings.Timeout * 2);

        Assert.Equal(Enumerable.Range(2, count), tasks.Select(t => t.Number).Order());
        var listed = await client.ListTasksAsync();
        Assert.Equal(Enumerable.Range(1, count + 1), listed.Select(t => t.Number));
        Assert.Equal(count, listed.Select(t => t.Title).Count(t => t.StartsWith("Parallel ", StringComparison.Ordinal)));
        Assert.Equal(count + 2, (await client.CreateTaskAsync("After the rush")).Number);
    }

    [Fact]
    public async Task TwoUsersCreatingAtTheSameTimeEachGetTheirOwnSequence()
    {
        var users = new[] { await app.CreateUserAsync(), await app.CreateUserAsync() };

        var creates = users.SelectMany(user => Enumerable.Range(1, 8).Select(async i =>
        {
            using var client = app.CreateClient(user);
            return (user.UserId, (await client.CreateTaskAsync($"Task {i}")).Number);
        })).ToList();
        var results = await Task.WhenAll(creates).WaitAsync(TestSettings.Timeout * 2);

        foreach (var user in users)
        {
            Assert.Equal(Enumerable.Range(1, 8), results.Where(r => r.UserId == user.UserId).Select(r => r.Number).Order());
        }
    }
}
