using Microsoft.Extensions.Options;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// On a graceful stop, waits (bounded by the host's shutdown timeout) for the turns still running
/// here to write their final state. Shutdown interrupts them (<see cref="TurnRegistry"/>); without
/// this wait the process could exit between the interruption and the write that records it.
/// </summary>
internal sealed class TurnDrain(TurnRegistry registry, IOptions<HostOptions> host) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => registry.DrainAsync(host.Value.ShutdownTimeout);
}
