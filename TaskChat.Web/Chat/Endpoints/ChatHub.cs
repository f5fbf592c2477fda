using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Conversations;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Chat.Turns;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Chat.Endpoints;

/// <summary>
/// The chat hub at <c>/hubs/chat</c>: a thin adapter over <see cref="TurnLifecycle"/>. Every
/// method works on the caller's own conversations only; the user id comes from the
/// connection, never from the payload.
/// </summary>
[Authorize]
public sealed class ChatHub(TurnLifecycle turns, TurnFollower follower, ConversationStore conversations, IChatEventBus bus, ITurnLeases leases) : Hub
{
    private Guid UserId => Context.User!.GetUserId();

    public IAsyncEnumerable<ChatEvent> SendMessage(SendMessageRequest? request, CancellationToken cancellationToken) =>
        StartAndFollow(request is null ? null : TurnRequest.From(request), "Send {conversation_id?, text, client_message_id?}.", cancellationToken);

    /// <summary>Answers a deletion card: Confirm carries the deletion out, Cancel keeps the task.</summary>
    public IAsyncEnumerable<ChatEvent> ConfirmToolCall(ConfirmToolCallRequest? request, CancellationToken cancellationToken) =>
        StartAndFollow(request is null ? null : TurnRequest.From(request), "Send {conversation_id, tool_call_id, approve}.", cancellationToken);

    /// <summary>A new version of a user message: a new branch from its parent, streamed like a send.</summary>
    public IAsyncEnumerable<ChatEvent> EditMessage(EditMessageRequest? request, CancellationToken cancellationToken) =>
        StartAndFollow(request is null ? null : TurnRequest.From(request), "Send {conversation_id, message_id, text, client_message_id?}.", cancellationToken);

    /// <summary>Another reply to the same user message, beside the old one (which is kept), streamed like a send.</summary>
    public IAsyncEnumerable<ChatEvent> RegenerateReply(RegenerateReplyRequest? request, CancellationToken cancellationToken) =>
        StartAndFollow(request is null ? null : TurnRequest.From(request), "Send {conversation_id, message_id, client_message_id?}.", cancellationToken);

    public async IAsyncEnumerable<ChatEvent> WatchConversation(WatchConversationRequest? request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (request is null || await conversations.FindAsync(UserId, request.ConversationId, cancellationToken) is null)
        {
            yield return NotFound(request?.ConversationId);
            yield break;
        }

        await using var subscription = await bus.SubscribeAsync(request.ConversationId, request.AfterEvent, cancellationToken);
        await foreach (var chatEvent in subscription.ReadAllAsync(cancellationToken))
        {
            yield return chatEvent;
        }
    }

    /// <summary>Stops the conversation's reply; the text so far is kept as <c>cancelled</c>.</summary>
    public async Task StopGeneration(StopGenerationRequest? request)
    {
        if (request is null || await conversations.FindAsync(UserId, request.ConversationId, Context.ConnectionAborted) is null)
        {
            throw new HubException($"{ChatErrorCodes.ConversationNotFound}: That conversation does not exist.");
        }

        await leases.RequestStopAsync(request.ConversationId);
    }

    private async IAsyncEnumerable<ChatEvent> StartAndFollow(
        TurnRequest? request, string expected, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = request is null
            ? TurnStart.Refused(null, ChatErrorCodes.InvalidRequest, expected)
            : await turns.StartAsync(UserId, request, cancellationToken);
        await foreach (var chatEvent in follower.FollowAsync(UserId, start, cancellationToken))
        {
            yield return chatEvent;
        }
    }

    private static ErrorEvent NotFound(Guid? conversationId) =>
        new(conversationId ?? Guid.Empty, 0, ChatErrorCodes.ConversationNotFound, "That conversation does not exist.");
}
