using System.Diagnostics;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Tasks;

namespace TaskChat.Tests.ScaleOut;

/// <summary>A task changed through one node reaches the user's pages connected to another, through the Redis backplane.</summary>
public sealed class TasksAcrossNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task AChangeOnNodeAIsAnnouncedToTheOwnersConnectionOnNodeBOnly()
    {
        var user = await nodes.A.CreateUserAsync();
        var other = await nodes.A.CreateUserAsync();
        using var apiOnA = nodes.A.CreateClient(user);
        await using var onB = await TasksListener.ConnectAsync(nodes.B.ServerAddress, user);
        await using var otherOnB = await TasksListener.ConnectAsync(nodes.B.ServerAddress, other);

        var clock = Stopwatch.StartNew();
        var task = await apiOnA.CreateTaskAsync("Water the plants");

        Assert.Equal(new[] { task.Number }, await onB.NextAsync());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"The announcement took {clock.ElapsedMilliseconds} ms.");
        await Task.Delay(200);
        Assert.Equal(0, otherOnB.Pending);
    }
}
