using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Conversations;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Chat.Turns;
using TaskChat.Web.Data;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Chat.Endpoints;

internal static class ChatApi
{
    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();

        api.MapPost("/chat", SendAsync).WithTags("Chat");

        var conversations = api.MapGroup("/conversations").WithTags("Conversations");
        conversations.MapGet("/", async (ClaimsPrincipal user, ConversationStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok(await store.ListAsync(user.GetUserId(), cancellationToken)));

        conversations.MapGet("/{id:guid}/messages", async Task<Results<Ok<MessagePage>, ProblemHttpResult>> (
            Guid id, int? before, int? limit, ClaimsPrincipal user, ConversationStore store, CancellationToken cancellationToken) =>
            await store.PageAsync(user.GetUserId(), id, before, limit, cancellationToken) is { } page
                ? TypedResults.Ok(page)
                : NotFound());

        conversations.MapPatch("/{id:guid}", async Task<Results<Ok<ConversationDto>, ValidationProblem, ProblemHttpResult>> (
            Guid id, RenameConversationRequest request, ClaimsPrincipal user, ConversationStore store, CancellationToken cancellationToken) =>
        {
            var title = StorableText.CleanOrNull(request.Title)?.Trim();
            if (string.IsNullOrEmpty(title) || title.Length > ConversationTitle.MaxLength)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["title"] = [$"A title of 1 to {ConversationTitle.MaxLength} characters is required."],
                });
            }

            return await store.RenameAsync(user.GetUserId(), id, title, cancellationToken) is { } renamed
                ? TypedResults.Ok(new ConversationDto(renamed.Id, renamed.Title, renamed.CreatedAt, renamed.UpdatedAt))
                : NotFound();
        });

        conversations.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (
            Guid id, ClaimsPrincipal user, ConversationStore store, ITurnLeases leases, CancellationToken cancellationToken) =>
        {
            if (await store.FindAsync(user.GetUserId(), id, cancellationToken) is null)
            {
                return NotFound();
            }

            await leases.RequestStopAsync(id);
            await store.DeleteAsync(user.GetUserId(), id, cancellationToken);
            return TypedResults.NoContent();
        });

        return app;
    }

    /// <summary>The seed's chat endpoint: runs a whole turn through the same lifecycle and answers when it ends.</summary>
    private static async Task<Results<Ok<ChatResponse>, ProblemHttpResult>> SendAsync(
        ChatRequest request, ClaimsPrincipal user, TurnLifecycle turns, TurnFollower follower, ConversationStore store, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var start = await turns.StartAsync(userId, TurnRequest.From(request), cancellationToken);
        if (start.Error is { } error)
        {
            return TypedResults.Problem(error.Message, statusCode: error.Code switch
            {
                ChatErrorCodes.ConversationNotFound => StatusCodes.Status404NotFound,
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

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem("That conversation does not exist.", statusCode: StatusCodes.Status404NotFound);
}
