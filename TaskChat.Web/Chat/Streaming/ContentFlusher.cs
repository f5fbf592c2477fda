using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Streaming;

/// <summary>
/// Writes a streaming reply's partial text to the database at most once per interval, and
/// only when it changed: never a write per token. A crash loses at most one interval of text.
/// It has its own DbContext because it runs beside the turn, which keeps using its own.
/// </summary>
internal sealed class ContentFlusher : IAsyncDisposable
{
    private readonly AsyncServiceScope scope;
    private readonly TaskChatDbContext db;
    private readonly Guid messageId;
    private readonly TurnText text;
    private readonly ChatMetrics metrics;
    private readonly ILogger logger;
    private readonly PeriodicTimer timer;
    private readonly Task loop;
    private int writtenVersion;

    public ContentFlusher(
        IServiceScopeFactory scopes, Guid messageId, TurnText text, TimeSpan interval, ChatMetrics metrics, ILogger logger)
    {
        this.logger = logger;
        scope = scopes.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        this.messageId = messageId;
        this.text = text;
        this.metrics = metrics;
        timer = new PeriodicTimer(interval);
        loop = RunAsync();
    }

    public int Writes { get; private set; }

    private async Task RunAsync()
    {
        while (await timer.WaitForNextTickAsync())
        {
            var (content, version) = text.Read();
            if (version == writtenVersion)
            {
                continue;
            }

            try
            {
                await db.Messages.Where(m => m.Id == messageId && m.Status == MessageStatus.Streaming)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Content, content));
                writtenVersion = version;
                Writes++;
                metrics.DatabaseWrite();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next tick tries again; the final write at the end of the turn is what counts.
                logger.LogWarning(exception, "Could not flush the partial reply {MessageId}", messageId);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        timer.Dispose();
        await loop;
        await scope.DisposeAsync();
    }
}
