using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Search;

/// <summary>
/// Full-text search over the user's own messages and conversation titles: PostgreSQL's tsvector
/// (generated columns with GIN indexes) or SQLite's FTS5 tables (kept by triggers), both made by
/// the Search migrations. Every query joins back to conversations on the user's id, so another
/// user's rows never come out, whatever an index holds. Best match first, then newest.
/// </summary>
public sealed class MessageSearch(TaskChatDbContext db)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    public async Task<IReadOnlyList<SearchResult>> SearchAsync(Guid userId, SearchTerms terms, int limit, CancellationToken cancellationToken)
    {
        var (messages, titles) = db.UsesPostgres()
            ? (PostgresSearch.Messages(db, userId, terms.ToTsQuery(), limit), PostgresSearch.Titles(db, userId, terms.ToTsQuery(), limit))
            : (SqliteSearch.Messages(db, userId, terms.ToFts5Query(), limit), SqliteSearch.Titles(db, userId, terms.ToFts5Query(), limit));
        var hits = await messages.ToListAsync(cancellationToken);
        var inMessages = hits.Select(h => h.ConversationId).ToHashSet();

        // A title is its first message's words more often than not: a conversation already found
        // by a message is not listed again for its title.
        hits.AddRange((await titles.ToListAsync(cancellationToken)).Where(t => t.MessageId is not null && !inMessages.Contains(t.ConversationId)));
        return hits
            .OrderByDescending(h => h.Rank).ThenByDescending(h => h.CreatedAt)
            .Take(limit)
            .Select(h => new SearchResult(h.ConversationId, h.ConversationTitle, h.MessageId!.Value, SearchSnippet.ToHtml(h.Snippet), h.CreatedAt))
            .ToList();
    }
}
