using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Assistant;
using TaskChat.Web.Chat.Streaming;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat;

/// <summary>
/// At start-up, replies that a dead process left <c>streaming</c> can never finish: they
/// become <c>interrupted</c> (keeping the text that was flushed) and the UI offers a retry.
/// On shutdown, running turns are given a moment to write their final state.
/// Runs after <see cref="DatabaseInitializer"/>, which is registered first.
/// </summary>
internal sealed class InterruptedTurnRecovery(
    IServiceScopeFactory scopes, TurnRegistry registry, ILogger<InterruptedTurnRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var interrupted = await db.Messages
            .Where(m => m.Status == MessageStatus.Streaming)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Interrupted), cancellationToken);
        var abandoned = await db.ToolCalls
            .Where(t => t.Status == ToolCallStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, ToolCallStatus.Failed)
                .SetProperty(t => t.Result, ToolResult.Failed("The server stopped before this tool finished.").ToJson()), cancellationToken);
        if (interrupted + abandoned > 0)
        {
            logger.LogWarning("Marked {Messages} unfinished replies as interrupted and {ToolCalls} tool calls as failed", interrupted, abandoned);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => registry.DrainAsync(TimeSpan.FromSeconds(5));
}
