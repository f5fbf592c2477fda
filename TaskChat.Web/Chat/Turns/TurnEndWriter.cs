using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// Writes a reply's final text, status and metadata, and the conversation's place in the list,
/// retrying with backoff while the database cannot be reached (up to
/// <see cref="ChatSettings.FinalWriteRetryWindow"/>): this is the write that survives, so a short
/// outage must not lose it. Each attempt takes a fresh context, since the turn's own may hold a
/// broken connection. On shutdown the wait is cut short and the write is attempted once more.
/// </summary>
public sealed class TurnEndWriter(
    IServiceScopeFactory scopes,
    IOptions<ChatSettings> settings,
    IHostApplicationLifetime lifetime,
    ChatMetrics metrics,
    TimeProvider time,
    ILogger<TurnEndWriter> logger)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(3);

    /// <summary>True once the final state is stored (or there is nowhere left to store it: the conversation was deleted).</summary>
    internal async Task<bool> WriteAsync(Guid conversationId, Message final)
    {
        var messageId = final.Id;
        var started = time.GetTimestamp();
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteOnceAsync(conversationId, final);
                return true;
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("Conversation {ConversationId} was deleted while turn {MessageId} was running", conversationId, messageId);
                return true;
            }
            catch (Exception exception)
            {
                var stopping = lifetime.ApplicationStopping.IsCancellationRequested;
                if ((stopping && attempt > 1) || time.GetElapsedTime(started) + delay > settings.Value.FinalWriteRetryWindow)
                {
                    logger.LogError(exception, "Could not save the end of turn {MessageId} after {Attempts} attempts", messageId, attempt);
                    return false;
                }

                logger.LogWarning(exception, "Could not save the end of turn {MessageId} (attempt {Attempt}); trying again in {DelayMs} ms",
                    messageId, attempt, (int)delay.TotalMilliseconds);
                await WaitAsync(stopping ? TimeSpan.Zero : delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestDelay.Ticks));
            }
        }
    }

    private async Task WaitAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, time, lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: one more attempt right away.
        }
    }

    /// <summary>One attempt, with stubs made afresh: a context that failed keeps what it tracked.</summary>
    private async Task WriteOnceAsync(Guid conversationId, Message final)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var now = time.UtcNowForStorage();

        // Stubs marked modified, saved in one batch: the reply's final state and the
        // conversation's place in the list land together, in one round trip and one commit.
        var reply = db.Messages.Attach(new Message
        {
            Id = final.Id, Content = final.Content, Status = final.Status, CompletedAt = now, Metadata = final.Metadata,
            Provider = final.Provider, Model = final.Model, InputTokens = final.InputTokens, OutputTokens = final.OutputTokens,
            FirstTokenMs = final.FirstTokenMs,
        });
        foreach (var property in (string[])[nameof(Message.Content), nameof(Message.Status), nameof(Message.CompletedAt), nameof(Message.Metadata), .. TurnInfo.UsageColumns])
        {
            reply.Property(property).IsModified = true;
        }

        db.Conversations.Attach(new Conversation { Id = conversationId, Title = "", UpdatedAt = now })
            .Property(c => c.UpdatedAt).IsModified = true;
        await db.SaveChangesAsync(CancellationToken.None);
        metrics.DatabaseWrite();
    }
}
