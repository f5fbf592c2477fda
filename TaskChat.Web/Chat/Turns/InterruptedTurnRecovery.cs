using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Assistant;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// At start-up, replies that a dead process left <c>streaming</c> can never finish: they
/// become <c>interrupted</c> (keeping the text that was flushed) and the UI offers a retry.
/// On shutdown, running turns are given a moment to write their final state.
/// Runs after <see cref="DatabaseInitializer"/>, which is registered first.
/// </summary>
internal sealed class InterruptedTurnRecovery(
    IServiceScopeFactory scopes, TurnRegistry registry, ITurnLeases leases, ILogger<InterruptedTurnRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        // With several nodes, a streaming reply may be another node's live turn: only those
        // whose conversation no live node holds a lease on are dead.
        var candidates = await db.Messages.Where(m => m.Status == MessageStatus.Streaming)
            .Select(m => m.ConversationId).Distinct().ToListAsync(cancellationToken);
        var dead = new List<Guid>();
        foreach (var conversationId in candidates)
        {
            if (!await leases.IsHeldAsync(conversationId))
            {
                dead.Add(conversationId);
            }
        }

        var interrupted = await db.Messages
            .Where(m => m.Status == MessageStatus.Streaming && dead.Contains(m.ConversationId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Interrupted), cancellationToken);
        var abandoned = await db.ToolCalls
            .Where(t => t.Status == ToolCallStatus.Running && dead.Contains(t.Message!.ConversationId))
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
