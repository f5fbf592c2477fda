using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Web.Chat.Branches;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Conversations;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Chat.Turns;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Chat.Endpoints;

/// <summary>
/// Branches over REST: switch the current one, and the twins of the hub's EditMessage and
/// RegenerateReply, which run through the same turn lifecycle and answer when the turn ends.
/// </summary>
internal static class BranchesApi
{
    public static IEndpointRouteBuilder MapBranchesApi(this IEndpointRouteBuilder app)
    {
        var branches = app.MapGroup("/api/v1/conversations/{id:guid}").RequireAuthorization().WithTags("Conversations");
        branches.MapPut("/branch", SwitchAsync);
        branches.MapPost("/messages/{messageId:guid}/edit", EditAsync);
        branches.MapPost("/messages/{messageId:guid}/regenerate", RegenerateAsync);
        return app;
    }

    /// <summary>Makes the branch through the message current; the answer is that branch's newest page.</summary>
    private static async Task<Results<Ok<MessagePage>, ValidationProblem, ProblemHttpResult>> SwitchAsync(
        Guid id, SwitchBranchRequest request, ClaimsPrincipal user, BranchSwitcher switcher, ConversationStore store, CancellationToken cancellationToken)
    {
        if (request.MessageId is not { } messageId)
        {
            return ConversationsApi.Invalid("message_id", "message_id is required.");
        }

        var userId = user.GetUserId();
        return await switcher.SwitchAsync(userId, id, messageId, cancellationToken) switch
        {
            BranchSwitchOutcome.ConversationNotFound => ChatApi.NotFound(),
            BranchSwitchOutcome.MessageNotFound => ChatApi.NotFound("message"),
            BranchSwitchOutcome.ReplyStreaming => TypedResults.Problem(
                "A reply is still being written in this conversation. Wait for it to finish, or stop it, then switch.",
                statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["code"] = ChatErrorCodes.TurnInProgress }),
            _ => TypedResults.Ok((await store.PageAsync(userId, id, null, null, cancellationToken))!),
        };
    }

    private static Task<Results<Ok<ChatResponse>, ProblemHttpResult>> EditAsync(
        Guid id, Guid messageId, EditMessageBody body, ClaimsPrincipal user, TurnLifecycle turns, TurnFollower follower, ConversationStore store,
        CancellationToken cancellationToken) =>
        ChatApi.RunTurnAsync(TurnRequest.From(new EditMessageRequest(id, messageId, body.Text, body.ClientMessageId)), user, turns, follower, store, cancellationToken);

    private static Task<Results<Ok<ChatResponse>, ProblemHttpResult>> RegenerateAsync(
        Guid id, Guid messageId, RegenerateReplyBody? body, ClaimsPrincipal user, TurnLifecycle turns, TurnFollower follower, ConversationStore store,
        CancellationToken cancellationToken) =>
        ChatApi.RunTurnAsync(TurnRequest.From(new RegenerateReplyRequest(id, messageId, body?.ClientMessageId)), user, turns, follower, store, cancellationToken);
}
