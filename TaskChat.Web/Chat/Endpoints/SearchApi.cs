using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Search;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Chat.Endpoints;

internal static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").RequireAuthorization().MapGet("/search", SearchAsync).WithTags("Search");
        return app;
    }

    /// <summary><c>GET /api/v1/search?q=&amp;limit=</c> (default 20, at most 50): the user's own messages and titles.</summary>
    private static async Task<Results<Ok<SearchResults>, ValidationProblem>> SearchAsync(
        string? q, int? limit, ClaimsPrincipal user, MessageSearch search, CancellationToken cancellationToken)
    {
        if (q is { Length: > SearchTerms.MaxQueryLength })
        {
            return ConversationsApi.Invalid("q", $"A search can be at most {SearchTerms.MaxQueryLength} characters.");
        }

        if (SearchTerms.Parse(q) is not { } terms)
        {
            return ConversationsApi.Invalid("q", "Type a word to search for.");
        }

        if (limit is < 1 or > MessageSearch.MaxLimit)
        {
            return ConversationsApi.Invalid("limit", $"limit must be between 1 and {MessageSearch.MaxLimit}.");
        }

        var results = await search.SearchAsync(user.GetUserId(), terms, limit ?? MessageSearch.DefaultLimit, cancellationToken);
        return TypedResults.Ok(new SearchResults(results));
    }
}
