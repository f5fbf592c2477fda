using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Conversations;
using TaskChat.Web.Chat.Turns;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Chat.Endpoints;

/// <summary>The conversations API: list, page through messages, rename, delete; someone else's conversation is a 404.</summary>
internal static class ConversationsApi
{
    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/api/v1/conversations").RequireAuthorization().WithTags("Conversations");
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
            var title = request.Title?.Trim();
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

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem("That conversation does not exist.", statusCode: StatusCodes.Status404NotFound);
}
