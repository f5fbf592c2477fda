using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Conversations;
using TaskChat.Web.Chat.Exports;
using TaskChat.Web.Chat.Turns;
using TaskChat.Web.Data;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Chat.Endpoints;

/// <summary>The conversations API: the list (keyset-paged), a branch's messages, rename and pin, delete, export.</summary>
internal static class ConversationsApi
{
    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/api/v1/conversations").RequireAuthorization().WithTags("Conversations");
        conversations.MapGet("/", ListAsync);
        conversations.MapGet("/{id:guid}/messages", MessagesAsync);
        conversations.MapPatch("/{id:guid}", UpdateAsync);
        conversations.MapDelete("/{id:guid}", DeleteAsync);
        conversations.MapGet("/{id:guid}/export", ExportAsync);
        return app;
    }

    /// <summary>
    /// Newest first (pinned ones before the rest), one page at a time: <c>?limit=</c> (default 50,
    /// at most 200) and <c>?before=</c> the cursor a <c>Link: rel="next"</c> header hands out.
    /// The body stays the bare array it always was.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<ConversationDto>>, ValidationProblem>> ListAsync(
        string? before, int? limit, HttpContext http, ClaimsPrincipal user, ConversationStore store, CancellationToken cancellationToken)
    {
        if (!ConversationCursor.TryDecode(before, out var cursor))
        {
            return Invalid("before", "Use the cursor from the Link header of the previous page.");
        }

        if (limit is < 1 or > ConversationStore.MaxListSize)
        {
            return Invalid("limit", $"limit must be between 1 and {ConversationStore.MaxListSize}.");
        }

        var page = await store.ListAsync(user.GetUserId(), cursor, limit, cancellationToken);
        if (page.Next is { } next)
        {
            var size = limit ?? ConversationStore.DefaultListSize;
            http.Response.Headers.Link = $"</api/v1/conversations?limit={size}&before={next}>; rel=\"next\"";
        }

        return TypedResults.Ok(page.Conversations);
    }

    private static async Task<Results<Ok<MessagePage>, ProblemHttpResult>> MessagesAsync(
        Guid id, int? before, int? limit, ClaimsPrincipal user, ConversationStore store, CancellationToken cancellationToken) =>
        await store.PageAsync(user.GetUserId(), id, before, limit, cancellationToken) is { } page
            ? TypedResults.Ok(page)
            : ChatApi.NotFound();

    private static async Task<Results<Ok<ConversationDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, RenameConversationRequest request, ClaimsPrincipal user, ConversationStore store, CancellationToken cancellationToken)
    {
        var title = StorableText.CleanOrNull(request.Title)?.Trim();
        if ((request.Title is null && request.IsPinned is null) || (request.Title is not null && (title!.Length == 0 || title.Length > ConversationTitle.MaxLength)))
        {
            return Invalid("title", $"A title of 1 to {ConversationTitle.MaxLength} characters (or is_pinned) is required.");
        }

        return await store.UpdateAsync(user.GetUserId(), id, title, request.IsPinned, cancellationToken) is { } updated
            ? TypedResults.Ok(new ConversationDto(updated.Id, updated.Title, updated.CreatedAt, updated.UpdatedAt, updated.IsPinned))
            : ChatApi.NotFound();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, ConversationStore store, ITurnLeases leases, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(user.GetUserId(), id, cancellationToken) is null)
        {
            return ChatApi.NotFound();
        }

        await leases.RequestStopAsync(id);
        await store.DeleteAsync(user.GetUserId(), id, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary><c>?format=markdown</c> (the current branch, to read) or <c>json</c> (the whole tree, to keep).</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        Guid id, string? format, ClaimsPrincipal user, ConversationExporter exporter, CancellationToken cancellationToken)
    {
        if (format is not ("markdown" or "json"))
        {
            return Invalid("format", "format must be markdown or json.");
        }

        var export = await exporter.ExportAsync(user.GetUserId(), id, format, cancellationToken);
        return export is null
            ? ChatApi.NotFound()
            : TypedResults.File(export.Content, export.ContentType, export.FileName);
    }

    internal static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
