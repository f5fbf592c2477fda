using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Web.Data;
using TaskChat.Web.Tasks;

namespace TaskChat.Tests.Tasks;

/// <summary>A deleted task can be restored for ten minutes; after that it is gone for good, its row included.</summary>
public sealed class TaskRestoreWindowTests
{
    [Fact]
    public async Task RestoreWorksWithinTheWindowAndTheSweeperRemovesTheRowAfterIt()
    {
        var (app, clock) = await FixedClock.StartAsync(FixedClock.YesterdayAtHalfPastTen);
        await using var _app = app;
        using var client = app.CreateClient(await app.CreateUserAsync());
        await client.CreateTaskAsync("Kept a while");
        await client.CreateTaskAsync("Gone for good");
        (await client.DeleteAsync("/api/v1/tasks/1")).Dispose();
        (await client.DeleteAsync("/api/v1/tasks/2")).Dispose();
        var sweeper = app.Services.GetServices<IHostedService>().OfType<DeletedTaskSweeper>().Single();

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
        using var restored = await client.PostAsync("/api/v1/tasks/1/restore", null);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);

        clock.Advance(TimeSpan.FromMinutes(2));
        using var late = await client.PostAsync("/api/v1/tasks/2/restore", null);
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        // The sweeper's own timer may have got there first (it runs on this clock too); either way the row goes.
        await sweeper.SweepAsync(CancellationToken.None);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        Assert.Equal(["Kept a while"], await db.Tasks.IgnoreQueryFilters().Select(t => t.Title).ToListAsync());
    }
}
