using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TaskChat.Web.Chat.Branches;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Conversations;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// The start of a turn, top to bottom (docs/architecture.md): validate, find the conversation
/// or a repeated send, claim the conversation, commit the user's message, announce the turn,
/// then hand it to <see cref="TurnRunner"/>, which streams, flushes and finishes it in the
/// background. The hub and the REST endpoint are thin adapters over <see cref="StartAsync"/>.
/// </summary>
public sealed class TurnLifecycle(
    IServiceScopeFactory scopes,
    IChatEventBus bus,
    TurnClaims claims,
    TurnRunner runner,
    ChatMetrics metrics,
    IOptions<ChatSettings> settings,
    TimeProvider time)
{
    public async Task<TurnStart> StartAsync(Guid userId, TurnRequest request, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();

        var found = await FindAsync(db, userId, request, cancellationToken);
        if (found.Outcome is { } outcome)
        {
            return outcome;
        }

        var placement = found.Placement ?? TurnPlacement.NewConversation;
        var text = placement.ExistingUser?.Content ?? MessageText.Normalize(request.Text);
        var conversation = found.Conversation ?? new Conversation
        {
            UserId = userId,
            Title = ConversationTitle.For(text, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)),
            CreatedAt = time.UtcNowForStorage(),
        };
        var (running, sameSend) = await claims.TryClaimAsync(userId, conversation, request.ClientMessageId);
        if (running is null)
        {
            return sameSend is not null && await sameSend.Started.WaitAsync(cancellationToken) is { } original
                ? original
                : TurnInProgress(conversation.Id);
        }

        var committed = await CommitAsync(db, userId, request, conversation, found.HasStreamingReply, text, placement, running, cancellationToken);
        if (committed.Outcome is { } refused)
        {
            return refused;
        }

        var userMessage = await BranchInfo.DescribeAsync(db, committed.Messages.User, request.Branches, CancellationToken.None);
        var turn = await AnnounceAsync(userId, conversation, committed.Messages.Assistant, userMessage, request, text, running)
            with { MayHaveProposal = found.MayHaveProposal || request.ConfirmToolCallId is not null };
        runner.Run(turn);
        var start = new TurnStart(conversation.Id, committed.Messages.Assistant.Id, turn.Emitter.FirstEvent, null);
        running.Announced(start);
        return start;
    }

    /// <summary>Refuses what can be refused before touching anything.</summary>
    private TurnStart? Validate(TurnRequest request)
    {
        if (request.Branches && request.ConversationId is null)
        {
            return TurnStart.Refused(null, ChatErrorCodes.InvalidRequest, "conversation_id and message_id are required.");
        }

        var text = MessageText.Normalize(request.Text);
        if (!MessageText.HasVisibleCharacters(text) && request.RegenerateOf is null)
        {
            return TurnStart.Refused(request.ConversationId, ChatErrorCodes.InvalidRequest, "Type a message first.");
        }

        if (text.Length > settings.Value.MaxMessageLength)
        {
            return TurnStart.Refused(request.ConversationId, ChatErrorCodes.MessageTooLong,
                $"Messages can be at most {settings.Value.MaxMessageLength:N0} characters; this one has {text.Length:N0}.");
        }

        return request.ClientMessageId is { Length: > 100 }
            ? TurnStart.Refused(request.ConversationId, ChatErrorCodes.InvalidRequest, "client_message_id can be at most 100 characters.")
            : null;
    }

    /// <summary>
    /// The user's own conversation (someone else's looks missing), or the turn a repeated
    /// client_message_id already started, or why the request is refused.
    /// </summary>
    private static async Task<(Conversation? Conversation, bool HasStreamingReply, bool MayHaveProposal, TurnPlacement? Placement, TurnStart? Outcome)> FindAsync(
        TaskChatDbContext db, Guid userId, TurnRequest request, CancellationToken cancellationToken)
    {
        Conversation? conversation = null;
        var hasStreamingReply = false;
        var mayHaveProposal = false;
        if (request.ConversationId is { } conversationId)
        {
            var found = await TurnCommit.FindConversationAsync(db, userId, conversationId, request.ClientMessageId, cancellationToken);
            if (found is null)
            {
                return (null, false, false, null, TurnStart.Refused(conversationId, ChatErrorCodes.ConversationNotFound, "That conversation does not exist."));
            }

            (conversation, hasStreamingReply) = (found.Conversation, found.HasStreamingReply);
            // A reply still streaming when this was read may propose a deletion before it ends.
            mayHaveProposal = found.HasProposal || found.HasStreamingReply;
            if (found.IsRepeat && await TurnCommit.FindRepeatAsync(db, userId, request, cancellationToken) is { } repeat)
            {
                return (conversation, hasStreamingReply, mayHaveProposal, null, repeat);
            }
        }
        else if (await TurnCommit.FindRepeatAsync(db, userId, request, cancellationToken) is { } repeat)
        {
            return (null, false, false, null, repeat);
        }

        if (request.ConfirmToolCallId is { } toolCallId && !await PendingDeletions.ExistsAsync(db, conversation?.Id, toolCallId, cancellationToken))
        {
            return (conversation, hasStreamingReply, mayHaveProposal, null,
                TurnStart.Refused(request.ConversationId, ChatErrorCodes.ToolCallNotFound, "That deletion is no longer waiting for an answer."));
        }

        if (conversation is null)
        {
            return (null, false, false, null, null);
        }

        var (placement, refusal) = await TurnPlacement.FindAsync(db, conversation, request, cancellationToken);
        return (conversation, hasStreamingReply, mayHaveProposal, placement, refusal);
    }

    /// <summary>Makes the user's message durable under the claim; on failure the claim is released.</summary>
    private async Task<((Message User, Message Assistant) Messages, TurnStart? Outcome)> CommitAsync(
        TaskChatDbContext db, Guid userId, TurnRequest request, Conversation conversation, bool hasStreamingReply, string text,
        TurnPlacement placement, RunningTurn running, CancellationToken cancellationToken)
    {
        try
        {
            return (await TurnCommit.CommitAsync(db, conversation, hasStreamingReply, request, text, placement, time, cancellationToken), null);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The conversation's row was gone when its counter was bumped: deleted meanwhile.
            await claims.ReleaseAsync(conversation.Id, running);
            return (default, TurnStart.Refused(conversation.Id, ChatErrorCodes.ConversationNotFound, "That conversation does not exist."));
        }
        catch (DbUpdateException)
        {
            // A unique index refused the insert: a retry of the same client_message_id raced in,
            // or another turn took these sequence numbers.
            await claims.ReleaseAsync(conversation.Id, running);
            db.ChangeTracker.Clear();
            return (default, await TurnCommit.FindRepeatAsync(db, userId, request, CancellationToken.None) ?? TurnInProgress(conversation.Id));
        }
        catch
        {
            await claims.ReleaseAsync(conversation.Id, running);
            throw;
        }
    }

    /// <summary>Tells every watcher the turn started. From here the user's message is durable whatever happens.</summary>
    private async Task<TurnContext> AnnounceAsync(
        Guid userId, Conversation conversation, Message assistant, MessageDto userMessage, TurnRequest request, string text, RunningTurn running)
    {
        var firstEvent = EventNumbers.First(assistant.SequenceNumber);
        var emitter = new TurnEmitter(bus, conversation.Id, assistant.Id, firstEvent);
        try
        {
            await bus.BeginTurnAsync(conversation.Id, assistant.Id, firstEvent);
            await emitter.TurnStartedAsync(userMessage, conversation.Title);
        }
        catch
        {
            // The bus (Redis) failed: free the conversation rather than hold it for a turn that
            // never runs. The reply left streaming is marked interrupted by the next send.
            await claims.ReleaseAsync(conversation.Id, running);
            throw;
        }

        metrics.TurnStarted();
        return new TurnContext(userId, conversation.Id, assistant, text, request.ConfirmToolCallId, running, emitter);
    }

    private static TurnStart TurnInProgress(Guid conversationId) =>
        TurnStart.Refused(conversationId, ChatErrorCodes.TurnInProgress,
            "A reply is still being written in this conversation. Wait for it, or stop it first.");
}
