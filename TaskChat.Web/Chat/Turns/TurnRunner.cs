using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using TaskChat.Web.Assistant;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// The run of a turn that <see cref="TurnLifecycle"/> started, in the background (a client that
/// goes away does not stop it): settle pending deletions, stream the model's reply to every
/// watcher while <see cref="PartialReplyWriter"/> saves it in batches, record tool calls, then
/// write the final state whatever happened, release the conversation and say it is done.
/// </summary>
public sealed class TurnRunner(
    IServiceScopeFactory scopes,
    IChatClient chatClient,
    TurnClaims claims,
    ChatMetrics metrics,
    PartialReplyWriter partialReplies,
    IOptions<ChatSettings> settings,
    TimeProvider time,
    ILogger<TurnRunner> logger)
{
    internal void Run(TurnContext turn) => _ = Task.Run(() => RunAsync(turn), CancellationToken.None);

    private async Task RunAsync(TurnContext turn)
    {
        var status = MessageStatus.Completed;
        var text = new TurnText();
        var info = new TurnInfo(Stopwatch.GetTimestamp());
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var toolLog = new ToolCallLog(db, turn.Assistant.Id, turn.Emitter, time);
        try
        {
            partialReplies.Track(turn.Assistant.Id, text);
            await StreamAsync(scope.ServiceProvider, db, turn, toolLog, text, info);
        }
        catch (OperationCanceledException) when (turn.Running.Token.IsCancellationRequested)
        {
            status = turn.Running.CancelledStatus;
        }
        catch (Exception exception)
        {
            status = MessageStatus.Failed;
            logger.LogError(exception, "Turn {MessageId} in conversation {ConversationId} failed", turn.Assistant.Id, turn.ConversationId);
            await turn.Emitter.ErrorAsync(ChatErrorCodes.ModelFailed, TurnErrors.Describe(exception));
        }
        finally
        {
            // Saved first, then the conversation is released, then the world is told: a client
            // that sends again on message_completed must find the conversation free.
            await partialReplies.ForgetAsync(turn.Assistant.Id);
            var content = text.ToString();
            await FinishAsync(db, turn, toolLog, content, status, info);
            await claims.ReleaseAsync(turn.ConversationId, turn.Running);
            await turn.Emitter.MessageCompletedAsync(content, status);
        }
    }

    private async Task StreamAsync(IServiceProvider services, TaskChatDbContext db, TurnContext turn, ToolCallLog toolLog, TurnText text, TurnInfo info)
    {
        var tools = services.GetRequiredService<TaskToolsFactory>().Create(turn.UserId);
        var history = await TurnHistory.LoadAsync(db, turn.ConversationId, turn.Assistant.ParentId, settings.Value.HistoryMessages, turn.Running.Token);
        // Dates the model works out ("tomorrow", "Friday") are in the user's zone, so it is told their today.
        history.Messages[0] = new ChatMessage(ChatRole.System, AssistantPrompt.For(await tools.TodayAsync(turn.Running.Token)));

        // Deleting is two-step and enforced here, not in the prompt: a pending deletion is
        // carried out only when this turn is the user's "yes" (or the Confirm button).
        await PendingDeletions.ResolveAsync(db, turn, tools, toolLog, history, turn.Running.Token);

        var chatOptions = new ChatOptions { Tools = [.. tools.AsTools()] };
        await foreach (var update in chatClient.GetStreamingResponseAsync(history.Messages, chatOptions, turn.Running.Token))
        {
            info.Observe(update);
            foreach (var content in update.Contents)
            {
                switch (content)
                {
                    case TextContent { Text.Length: > 0 } delta:
                        info.FirstToken();
                        text.Append(delta.Text);
                        metrics.Token();
                        await turn.Emitter.TokenAsync(delta.Text);
                        break;
                    case FunctionCallContent call:
                        info.ToolCalled(call.Name);
                        await toolLog.StartedAsync(call);
                        break;
                    case FunctionResultContent result:
                        await toolLog.CompletedAsync(result);
                        break;
                }
            }
        }
    }

    /// <summary>Writes the final text, status and metadata. Never cancelled: this is what survives.</summary>
    private async Task FinishAsync(TaskChatDbContext db, TurnContext turn, ToolCallLog toolLog, string content, MessageStatus status, TurnInfo info)
    {
        try
        {
            var now = time.UtcNowForStorage();
            var metadata = info.ToJson(chatClient.GetService<ChatClientMetadata>());
            await toolLog.AbandonUnfinishedAsync();

            // Stubs marked modified, saved in one batch: the reply's final state and the
            // conversation's place in the list land together, in one round trip and one commit.
            var reply = db.Messages.Attach(new Message { Id = turn.Assistant.Id, Content = content, Status = status, CompletedAt = now, Metadata = metadata });
            foreach (var property in (string[])[nameof(Message.Content), nameof(Message.Status), nameof(Message.CompletedAt), nameof(Message.Metadata)])
            {
                reply.Property(property).IsModified = true;
            }

            db.Conversations.Attach(new Conversation { Id = turn.ConversationId, Title = "", UpdatedAt = now })
                .Property(c => c.UpdatedAt).IsModified = true;
            await db.SaveChangesAsync(CancellationToken.None);
            metrics.DatabaseWrite();
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Conversation {ConversationId} was deleted while turn {MessageId} was running", turn.ConversationId, turn.Assistant.Id);
        }
        catch (Exception exception)
        {
            // Left 'streaming', the message becomes 'interrupted' at the next start-up.
            logger.LogError(exception, "Could not save the end of turn {MessageId}", turn.Assistant.Id);
        }
    }
}
