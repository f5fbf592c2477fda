using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using TaskChat.Web.Assistant;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;
using TaskChat.Web.Telemetry;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// The run of a turn that <see cref="TurnLifecycle"/> started, in the background (a client that
/// goes away does not stop it): settle pending deletions, stream the model's reply to every
/// watcher while <see cref="PartialReplyWriter"/> saves it in batches, record tool calls, then
/// write the final state (<see cref="TurnEndWriter"/>), release the conversation and tell the
/// watchers the truth: completed only once that state is stored.
/// </summary>
public sealed partial class TurnRunner(
    IServiceScopeFactory scopes,
    IChatClient chatClient,
    TurnClaims claims,
    ChatMetrics metrics,
    PartialReplyWriter partialReplies,
    TurnEndWriter endWriter,
    IOptions<ChatSettings> settings,
    TimeProvider time,
    ILogger<TurnRunner> logger)
{
    internal void Run(TurnContext turn) => _ = Task.Run(() => RunAsync(turn), CancellationToken.None);

    private async Task RunAsync(TurnContext turn)
    {
        var status = MessageStatus.Completed;
        var outbox = new ReplyOutbox(turn, metrics);
        var info = new TurnInfo(Stopwatch.GetTimestamp());
        using var span = ChatTracing.StartTurn(turn.ConversationId, turn.Assistant.Id);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var toolLog = new ToolCallLog(db, turn.Assistant.Id, turn.Emitter, time);
        var deletions = new PendingDeletions(db, turn, toolLog);
        try
        {
            partialReplies.Track(turn.Assistant.Id, outbox.Text);
            await StreamAsync(scope.ServiceProvider, db, turn, toolLog, deletions, outbox, info);
        }
        catch (OperationCanceledException) when (turn.Running.Token.IsCancellationRequested)
        {
            status = turn.Running.CancelledStatus;
        }
        catch (Exception exception)
        {
            status = MessageStatus.Failed;
            logger.LogError(exception, "Turn {MessageId} in conversation {ConversationId} failed", turn.Assistant.Id, turn.ConversationId);
            await outbox.SendAsync();
            await turn.Emitter.ErrorAsync(ChatErrorCodes.ModelFailed, TurnErrors.Describe(exception));
        }
        finally
        {
            await FinishAsync(turn, toolLog, deletions, outbox, status, info);
            ChatTracing.EndTurn(span, status);
        }
    }

    private async Task StreamAsync(
        IServiceProvider services, TaskChatDbContext db, TurnContext turn, ToolCallLog toolLog, PendingDeletions deletions, ReplyOutbox outbox, TurnInfo info)
    {
        var tools = services.GetRequiredService<TaskToolsFactory>().Create(turn.UserId, turn.ConversationId);
        var history = await TurnHistory.LoadAsync(db, turn.ConversationId, turn.Assistant.ParentId, settings.Value.HistoryMessages, turn.Running.Token);
        // Dates the model works out ("tomorrow", "Friday") are in the user's zone, so it is told their today.
        history.Messages[0] = new ChatMessage(ChatRole.System, AssistantPrompt.For(await tools.TodayAsync(turn.Running.Token)));

        // Deleting is two-step and enforced here, not in the prompt: a pending deletion is
        // carried out only when this turn answers the server's own question with "yes" (or is
        // the Confirm button).
        await deletions.ResolveAsync(tools, history, turn.Running.Token);

        var chatOptions = new ChatOptions { Tools = [.. tools.AsTools()] };
        using var modelSpan = ChatTracing.StartModelCall(chatClient.GetService<ChatClientMetadata>());
        await ReadModelAsync(chatClient.GetStreamingResponseAsync(history.Messages, chatOptions, turn.Running.Token), turn, toolLog, deletions, outbox, info);
        ChatTracing.EndModelCall(modelSpan, info.Model, info.Usage, info.FirstTokenMs);
    }

    /// <summary>
    /// The model's updates, one at a time. Before waiting for the next one the outbox sends what
    /// it holds; an update that is already there (the turn fell behind) joins it instead. Only
    /// text is read ahead: a tool call is recorded before the next read, which is what runs it.
    /// </summary>
    private async Task ReadModelAsync(
        IAsyncEnumerable<ChatResponseUpdate> updates, TurnContext turn, ToolCallLog toolLog, PendingDeletions deletions, ReplyOutbox outbox, TurnInfo info)
    {
        var cleaner = new DeltaCleaner();
        await using var reader = updates.GetAsyncEnumerator(turn.Running.Token);
        while (true)
        {
            var next = reader.MoveNextAsync();
            if (!next.IsCompleted)
            {
                await outbox.SendAsync();
            }

            if (!await next)
            {
                break;
            }

            info.Observe(reader.Current);
            foreach (var content in reader.Current.Contents)
            {
                switch (content)
                {
                    case TextContent { Text.Length: > 0 } delta:
                        info.FirstToken();
                        outbox.Add(cleaner.Next(delta.Text));
                        break;
                    case FunctionCallContent call:
                        outbox.Add(cleaner.Flush());
                        await outbox.SendAsync();
                        info.ToolCalled(call.Name);
                        await toolLog.StartedAsync(call);
                        break;
                    case FunctionResultContent result:
                        if (await toolLog.CompletedAsync(result) is { Status: ToolCallStatus.NeedsConfirmation } proposal)
                        {
                            await SayAsync(outbox, await deletions.ProposedAsync(proposal));
                        }

                        break;
                }
            }
        }

        outbox.Add(cleaner.Flush());
        await outbox.SendAsync();
    }

    /// <summary>The server's own words, as a paragraph of the reply, streamed word by word like the model's.</summary>
    private static async Task SayAsync(ReplyOutbox outbox, string paragraph)
    {
        await outbox.SendAsync();
        var words = Words().Matches(outbox.Text.Read().Text.Length == 0 ? paragraph : "\n\n" + paragraph);
        foreach (var word in words.Cast<Match>())
        {
            outbox.Add(word.Value);
            await outbox.SendAsync();
        }
    }

    [GeneratedRegex(@"\s*\S+")]
    private static partial Regex Words();

    /// <summary>
    /// Saved first, then the conversation is released, then the world is told: a client that
    /// sends again on message_completed must find the conversation free, and no client may hear
    /// "completed" about a reply the database does not hold.
    /// </summary>
    private async Task FinishAsync(TurnContext turn, ToolCallLog toolLog, PendingDeletions deletions, ReplyOutbox outbox, MessageStatus status, TurnInfo info)
    {
        // What the model said before a stop or a failure goes out before the end is told.
        await outbox.SendAsync();
        await RemindAsync(deletions, outbox);
        var saved = await partialReplies.ForgetAsync(turn.Assistant.Id);
        try
        {
            await toolLog.AbandonUnfinishedAsync();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not close the unfinished tool calls of turn {MessageId}", turn.Assistant.Id);
        }

        var content = outbox.Text.ToString();
        var client = chatClient.GetService<ChatClientMetadata>();
        var final = new Message { Id = turn.Assistant.Id, Content = content, Status = status, Metadata = info.ToJson(client) };
        info.CopyUsageTo(final, client);
        metrics.TurnFinished(final);
        var stored = await endWriter.WriteAsync(turn.ConversationId, final);
        await claims.ReleaseAsync(turn.ConversationId, turn.Running);
        if (!stored)
        {
            // Left 'streaming' with the text of the last partial write; the next send or start-up
            // marks it interrupted. Watchers hear what the database holds, not what was streamed.
            (content, status) = (saved, MessageStatus.Failed);
            await turn.Emitter.ErrorAsync(ChatErrorCodes.ReplyNotSaved,
                "The reply could not be saved because the database was unreachable. What was saved of it is kept; try again.");
        }

        await turn.Emitter.MessageCompletedAsync(content, status);
    }

    /// <summary>While an earlier deletion waits, the reply ends with the server's reminder of it.</summary>
    private async Task RemindAsync(PendingDeletions deletions, ReplyOutbox outbox)
    {
        if (deletions.Reminder() is { } reminder)
        {
            try
            {
                await SayAsync(outbox, reminder);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not send the deletion reminder of turn {MessageId}", outbox.MessageId);
            }
        }
    }
}
