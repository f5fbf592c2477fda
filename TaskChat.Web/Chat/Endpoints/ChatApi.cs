using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Conversations;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Chat.Turns;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Chat.Endpoints;

internal static class ChatApi
{
    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").RequireAuthorization().MapPost("/chat", SendAsync).WithTags("Chat");
        return app;
    }

    /// <summary>POST /api/v1/chat, for scripts and clients without a hub connection: runs a whole turn through the same lifecycle and answers when it ends.</summary>
    private static Task<Results<Ok<ChatResponse>, ProblemHttpResult>> SendAsync(
        ChatRequest request, ClaimsPrincipal user, TurnLifecycle turns, TurnFollower follower, ConversationStore store, CancellationToken cancellationToken) =>
        RunTurnAsync(TurnRequest.From(request), user, turns, follower, store, cancellationToken);

    /// <summary>Any turn over REST (a send, an edit, a regeneration): the same lifecycle as the hub, answered when it ends.</summary>
    internal static async Task<Results<Ok<ChatResponse>, ProblemHttpResult>> RunTurnAsync(
        TurnRequest request, ClaimsPrincipal user, TurnLifecycle turns, TurnFollower follower, ConversationStore store, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var start = await turns.StartAsync(userId, request, cancellationToken);
        if (start.Error is { } error)
        {
            return TypedResults.Problem(error.Message, statusCode: error.Code switch
            {
                ChatErrorCodes.ConversationNotFound or ChatErrorCodes.MessageNotFound => StatusCodes.Status404NotFound,
                ChatErrorCodes.TurnInProgress => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            }, extensions: new Dictionary<string, object?> { ["code"] = error.Code });
        }

        var finished = await FinishedTurn.FollowAsync(follower, userId, start, cancellationToken);

        // The turn ran but the model failed: say so, as the hub does, rather than a 200 with
        // whatever text came first. The message (failed, with that text) is in the history.
        if (finished is { ModelFailed: true, Failure: { } failure })
        {
            return TypedResults.Problem(failure.Message, statusCode: StatusCodes.Status502BadGateway, extensions: new Dictionary<string, object?>
            {
                ["code"] = failure.Code,
                ["conversation_id"] = start.ConversationId,
                ["message_id"] = start.AssistantMessageId,
            });
        }

        var metadata = (await store.FindMessageAsync(userId, start.AssistantMessageId, CancellationToken.None))?.Metadata;
        return TypedResults.Ok(new ChatResponse(
            finished.Content,
            start.ConversationId,
            start.AssistantMessageId,
            ChatResponseMetadataReader.From(metadata)));
    }

    internal static ProblemHttpResult NotFound(string what = "conversation") =>
        TypedResults.Problem($"That {what} does not exist.", statusCode: StatusCodes.Status404NotFound);
}
