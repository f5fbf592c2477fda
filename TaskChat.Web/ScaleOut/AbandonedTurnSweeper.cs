using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Assistant;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Chat.Turns;
using TaskChat.Web.Data;

namespace TaskChat.Web.ScaleOut;

/// <summary>
/// Ends the turns of nodes that died. A reply stays <c>streaming</c> in the database only while
/// the node running it holds the conversation's lease (taken before the reply is written,
/// released after its final state is stored), so a streaming reply whose lease is gone was left
/// by a dead process. Every <see cref="SweepEvery"/> each node looks for such replies; one that
/// is still without a lease <see cref="ConfirmAfter"/> later is taken over under the lease,
/// marked <c>interrupted</c> with the text that was saved, and announced to every watcher as its
/// <c>message_completed</c>. From a kill to the announcement takes at most the lease's lifetime
/// plus about two sweeps (under 8 s).
/// </summary>
internal sealed class AbandonedTurnSweeper(
    IServiceScopeFactory scopes,
    RedisTurnLeases leases,
    RedisAvailability availability,
    RedisChatEventBus bus,
    TurnRegistry registry,
    TimeProvider time,
    ILogger<AbandonedTurnSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(1);

    /// <summary>A lease missing at two sweeps this far apart is not a heartbeat in flight.</summary>
    public static readonly TimeSpan ConfirmAfter = TimeSpan.FromSeconds(1.5);

    private readonly Dictionary<Guid, DateTimeOffset> missingSince = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepEvery, time);
        var failures = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                    failures = 0;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Once per run of failures (the database or Redis is down): the next sweep tries again.
                    if (failures++ == 0)
                    {
                        logger.LogWarning(exception, "Could not look for replies abandoned by dead nodes");
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        // Right after Redis comes back (empty, perhaps), live nodes have not yet taken their
        // leases again: nothing is judged until a whole lease lifetime has passed.
        if (availability.AvailableFor < RedisTurnLeases.Lifetime)
        {
            missingSince.Clear();
            return;
        }

        List<Guid> streaming;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
            streaming = await db.Messages.AsNoTracking()
                .Where(m => m.Status == MessageStatus.Streaming)
                .Select(m => m.ConversationId).Distinct().ToListAsync(cancellationToken);
        }

        var candidates = streaming.Where(id => !registry.IsRunning(id) && !leases.HoldsHere(id)).ToList();
        var held = candidates.Count == 0 ? [] : await leases.AreHeldAsync(candidates);
        var now = time.GetUtcNow();
        var stillMissing = new HashSet<Guid>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (held[i])
            {
                continue;
            }

            var conversationId = candidates[i];
            stillMissing.Add(conversationId);
            if (!missingSince.TryGetValue(conversationId, out var since))
            {
                missingSince[conversationId] = now;
            }
            else if (now - since >= ConfirmAfter)
            {
                await TakeOverAsync(conversationId, cancellationToken);
                stillMissing.Remove(conversationId);
            }
        }

        foreach (var conversationId in missingSince.Keys.Where(id => !stillMissing.Contains(id)).ToList())
        {
            missingSince.Remove(conversationId);
        }
    }

    /// <summary>
    /// Under the conversation's lease, so no new turn and no other node races the takeover. As at
    /// the end of any turn: stored first, then the conversation is released, then the world is
    /// told, so a client that sends again on message_completed finds the conversation free.
    /// </summary>
    private async Task TakeOverAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync(conversationId))
        {
            return;
        }

        List<(Guid Id, int SequenceNumber, string Content)> replies;
        try
        {
            replies = await MarkInterruptedAsync(conversationId, cancellationToken);
        }
        finally
        {
            await leases.ReleaseAsync(conversationId);
        }

        foreach (var reply in replies)
        {
            await AnnounceAsync(conversationId, reply.Id, reply.SequenceNumber, reply.Content);
        }

        logger.LogWarning("Marked {Count} replies in conversation {ConversationId} interrupted: the node running them stopped renewing its lease",
            replies.Count, conversationId);
    }

    private async Task<List<(Guid Id, int SequenceNumber, string Content)>> MarkInterruptedAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var replies = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Status == MessageStatus.Streaming)
            .Select(m => new { m.Id, m.SequenceNumber, m.Content })
            .ToListAsync(cancellationToken);
        var ids = replies.Select(r => r.Id).ToList();
        await db.ToolCalls
            .Where(t => t.Status == ToolCallStatus.Running && ids.Contains(t.MessageId))
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, ToolCallStatus.Failed)
                .SetProperty(t => t.Result, ToolResult.Failed("The server stopped before this tool finished.").ToJson()), cancellationToken);
        await db.Messages
            .Where(m => ids.Contains(m.Id) && m.Status == MessageStatus.Streaming)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Interrupted), cancellationToken);
        return replies.Select(r => (r.Id, r.SequenceNumber, r.Content)).ToList();
    }

    /// <summary>
    /// The interrupted reply's <c>message_completed</c>, numbered right after the last event the
    /// dead node got into Redis; when Redis no longer has that turn, with the turn's last
    /// possible number (a watcher then reads what Redis has, and takes this as the end).
    /// </summary>
    private async Task AnnounceAsync(Guid conversationId, Guid messageId, int sequenceNumber, string content)
    {
        var turn = await bus.ReadTurnAsync(conversationId);
        var sameTurn = turn is not null && turn.MessageId == messageId;
        if (sameTurn && turn!.IsFinished)
        {
            return;
        }

        var number = sameTurn ? turn!.LastEvent + 1 : EventNumbers.First(sequenceNumber) + EventNumbers.PerTurn - 1;
        await bus.PublishForAnotherNodeAsync(
            new MessageCompletedEvent(conversationId, number, messageId, content, MessageStatus.Interrupted), sameTurn);
    }
}
