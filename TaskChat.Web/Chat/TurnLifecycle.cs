using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using TaskChat.Web.Assistant;
using TaskChat.Web.Chat.Streaming;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat;

/// <summary>
/// The life of a turn (DESIGN.md), top to bottom: validate, commit the user's message,
/// stream the reply to every watcher while flushing it in batches, record tool calls, and
/// write the final state whatever happens. The hub and the REST endpoint are thin adapters.
/// </summary>
public sealed class TurnLifecycle(
    IServiceScopeFactory scopes,
    IChatClient chatClient,
    IChatEventBus bus,
    TurnRegistry registry,
    ITurnLeases leases,
    ChatMetrics metrics,
    PartialReplyWriter partialReplies,
    IOptions<ChatSettings> settings,
    TimeProvider time,
    ILogger<TurnLifecycle> logger)
{
    public async Task<TurnStart> StartAsync(Guid userId, TurnRequest request, CancellationToken cancellationToken)
    {
        // 1. Validate before touching anything.
        var text = request.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            return TurnStart.Refused(request.ConversationId, ChatErrorCodes.InvalidRequest, "Type a message first.");
        }

        if (text.Length > settings.Value.MaxMessageLength)
        {
            return TurnStart.Refused(request.ConversationId, ChatErrorCodes.MessageTooLong,
                $"Messages can be at most {settings.Value.MaxMessageLength:N0} characters; this one has {text.Length:N0}.");
        }

        if (request.ClientMessageId is { Length: > 100 })
        {
            return TurnStart.Refused(request.ConversationId, ChatErrorCodes.InvalidRequest, "client_message_id can be at most 100 characters.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();

        // 2. Find the conversation (only the user's own), and a send we have already seen.
        Conversation? conversation = null;
        var hasStreamingReply = false;
        if (request.ConversationId is { } conversationId)
        {
            var found = await TurnCommit.FindConversationAsync(db, userId, conversationId, request.ClientMessageId, cancellationToken);
            if (found is null)
            {
                return TurnStart.Refused(conversationId, ChatErrorCodes.ConversationNotFound, "That conversation does not exist.");
            }

            (conversation, hasStreamingReply) = (found.Conversation, found.HasStreamingReply);
            if (found.IsRepeat && await TurnCommit.FindRepeatAsync(db, userId, request, cancellationToken) is { } repeat)
            {
                return repeat;
            }
        }
        else if (await TurnCommit.FindRepeatAsync(db, userId, request, cancellationToken) is { } repeat)
        {
            return repeat;
        }

        if (request.ConfirmToolCallId is { } toolCallId && !await PendingDeletions.ExistsAsync(db, conversation?.Id, toolCallId, cancellationToken))
        {
            return TurnStart.Refused(request.ConversationId, ChatErrorCodes.ToolCallNotFound, "That deletion is no longer waiting for an answer.");
        }

        // 3. One turn at a time per conversation: claim it on this node before writing.
        conversation ??= new Conversation
        {
            UserId = userId,
            Title = ConversationStore.TitleFrom(text),
            CreatedAt = time.UtcNowForStorage(),
        };
        var running = registry.TryClaim(userId, conversation.Id, request.ClientMessageId, out var sameSend);
        if (running is null)
        {
            if (sameSend is not null && await sameSend.Started.WaitAsync(cancellationToken) is { } original)
            {
                return original;
            }

            return TurnInProgress(conversation.Id);
        }

        // Other nodes too: the lease is what makes a reply left 'streaming' in the database safe
        // to call dead (CommitAsync) rather than another node's live turn.
        if (!await leases.TryAcquireAsync(conversation.Id))
        {
            registry.Remove(conversation.Id, running);
            running.Finished();
            return TurnInProgress(conversation.Id);
        }

        (Message User, Message Assistant) messages;
        try
        {
            messages = await TurnCommit.CommitAsync(db, conversation, hasStreamingReply, text, request.ClientMessageId, time, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The conversation's row was gone when its counter was bumped: deleted meanwhile.
            await ReleaseAsync(conversation.Id, running);
            return TurnStart.Refused(conversation.Id, ChatErrorCodes.ConversationNotFound, "That conversation does not exist.");
        }
        catch (DbUpdateException)
        {
            // A unique index refused the insert: a retry of the same client_message_id raced in,
            // or another turn took these sequence numbers.
            await ReleaseAsync(conversation.Id, running);
            db.ChangeTracker.Clear();
            return await TurnCommit.FindRepeatAsync(db, userId, request, CancellationToken.None) ?? TurnInProgress(conversation.Id);
        }
        catch
        {
            await ReleaseAsync(conversation.Id, running);
            throw;
        }

        // 4. Announce the turn. From here the user's message is durable whatever happens.
        var firstEvent = EventNumbers.First(messages.Assistant.SequenceNumber);
        var emitter = new TurnEmitter(bus, conversation.Id, messages.Assistant.Id, firstEvent);
        try
        {
            await bus.BeginTurnAsync(conversation.Id, messages.Assistant.Id, firstEvent);
            await emitter.TurnStartedAsync(MessageMapping.ToDto(messages.User));
        }
        catch
        {
            // The bus (Redis) failed: free the conversation rather than hold it for a turn that
            // never runs. The reply left streaming is marked interrupted by the next send.
            await ReleaseAsync(conversation.Id, running);
            throw;
        }

        metrics.TurnStarted();

        // 5. Stream the reply in the background: a client that goes away does not stop it.
        var turn = new TurnContext(userId, conversation.Id, messages.Assistant, text, request.ConfirmToolCallId, running, emitter);
        _ = Task.Run(() => RunAsync(turn), CancellationToken.None);
        var start = new TurnStart(conversation.Id, messages.Assistant.Id, firstEvent, null);
        running.Announced(start);
        return start;
    }

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
            var tools = scope.ServiceProvider.GetRequiredService<TaskToolsFactory>().Create(turn.UserId, turn.ConversationId);
            var history = await TurnHistory.LoadAsync(db, turn.ConversationId, turn.Assistant.SequenceNumber, settings.Value.HistoryMessages, turn.Running.Token);
            // Dates the model works out ("tomorrow", "Friday") are in the user's zone, so it is told their today.
            history.Messages[0] = new ChatMessage(ChatRole.System, AssistantPrompt.For(await tools.TodayAsync(turn.Running.Token)));

            // Deleting is two-step and enforced here, not in the prompt: a pending deletion is
            // carried out only when this turn is the user's "yes" (or the Confirm button).
            await PendingDeletions.ResolveAsync(db, turn, tools, toolLog, history, turn.Running.Token);

            var chatOptions = new Microsoft.Extensions.AI.ChatOptions { Tools = [.. tools.AsTools()] };
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
            await ReleaseAsync(turn.ConversationId, turn.Running);
            await turn.Emitter.MessageCompletedAsync(content, status);
        }
    }

    private async Task ReleaseAsync(Guid conversationId, RunningTurn running)
    {
        registry.Remove(conversationId, running);
        running.Finished();
        try
        {
            await leases.ReleaseAsync(conversationId);
        }
        catch (Exception exception)
        {
            // Never let a lost release keep message_completed from the watchers: the lease
            // expires on its own.
            logger.LogWarning(exception, "Could not release the lease on conversation {ConversationId}", conversationId);
        }
    }

    private static TurnStart TurnInProgress(Guid conversationId) =>
        TurnStart.Refused(conversationId, ChatErrorCodes.TurnInProgress,
            "A reply is still being written in this conversation. Wait for it, or stop it first.");

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

/// <summary>Everything a running turn needs to know about itself.</summary>
internal sealed record TurnContext(
    Guid UserId,
    Guid ConversationId,
    Message Assistant,
    string Text,
    Guid? ConfirmToolCallId,
    RunningTurn Running,
    TurnEmitter Emitter);
