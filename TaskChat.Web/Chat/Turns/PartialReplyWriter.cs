using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// Writes the partial text of every reply streaming on this node, all of them together, once
/// per <see cref="ChatSettings.FlushInterval"/>, and only the ones that changed: never a write
/// per token, and not a transaction per reply either. With one writer per reply, 500 streams
/// meant 2,000 commits a second queued in front of the user messages' commits
/// (docs/benchmarks.md); now it is one batch per interval. A crash loses at most one interval.
/// </summary>
public sealed class PartialReplyWriter(
    IServiceScopeFactory scopes,
    IOptions<ChatSettings> settings,
    ChatMetrics metrics,
    TimeProvider time,
    ILogger<PartialReplyWriter> logger) : BackgroundService
{
    /// <summary>Replies per statement batch; keeps parameters well under every provider's limit.</summary>
    private const int BatchSize = 100;

    private readonly ConcurrentDictionary<Guid, Reply> replies = new();

    // Held while a batch is written, so that Forget can wait for one already under way.
    private readonly SemaphoreSlim writing = new(1, 1);

    internal void Track(Guid messageId, TurnText text) => replies[messageId] = new Reply(messageId, text);

    /// <summary>
    /// Stops writing the reply. When this returns no partial write of it is in flight or to
    /// come, so the turn's final write cannot be overtaken by an older partial one.
    /// </summary>
    internal async Task ForgetAsync(Guid messageId)
    {
        replies.TryRemove(messageId, out _);
        await writing.WaitAsync();
        writing.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await WriteChangedAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WriteChangedAsync()
    {
        await writing.WaitAsync();
        try
        {
            var changed = replies.Values.Select(reply => reply.Changed()).OfType<PendingWrite>().ToList();
            if (changed.Count == 0)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var batch in changed.Chunk(BatchSize))
            {
                await WriteAsync(db, batch);
            }

            await transaction.CommitAsync();
            foreach (var write in changed)
            {
                write.Reply.Written(write.Version);
                metrics.DatabaseWrite();
            }
        }
        catch (Exception exception)
        {
            // The next tick tries again; the final write at the end of each turn is what counts.
            logger.LogWarning(exception, "Could not write the partial text of streaming replies");
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>
    /// One command with one UPDATE per reply: a single round trip. Only a reply still streaming
    /// is touched, so a reply that another node marked interrupted keeps its status and text.
    /// </summary>
    private static Task<int> WriteAsync(TaskChatDbContext db, PendingWrite[] batch)
    {
        var sql = new StringBuilder();
        var parameters = new List<object>(batch.Length * 2);
        foreach (var write in batch)
        {
            sql.Append($"UPDATE messages SET content = {{{parameters.Count}}} WHERE id = {{{parameters.Count + 1}}} AND status = 'streaming';\n");
            parameters.Add(write.Content);
            parameters.Add(write.Reply.MessageId);
        }

        return db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters);
    }

    private sealed record PendingWrite(Reply Reply, string Content, int Version);

    private sealed class Reply(Guid messageId, TurnText text)
    {
        private int writtenVersion;

        public Guid MessageId => messageId;

        public PendingWrite? Changed()
        {
            var (content, version) = text.Read();
            return version == Volatile.Read(ref writtenVersion) ? null : new PendingWrite(this, content, version);
        }

        public void Written(int version) => Volatile.Write(ref writtenVersion, version);
    }
}
