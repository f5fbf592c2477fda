using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Search;

/// <summary>The SQLite FTS5 queries. bm25 is lower for better matches, so its negation is the rank.</summary>
internal static class SqliteSearch
{
    public static IQueryable<SearchHit> Messages(TaskChatDbContext db, Guid userId, string ftsQuery, int limit) =>
        db.Database.SqlQuery<SearchHit>($"""
            SELECT m.conversation_id AS ConversationId, c.title AS ConversationTitle, m.id AS MessageId,
                   snippet(messages_fts, 0, char(1), char(2), '…', 20) AS Snippet,
                   m.created_at AS CreatedAt, -bm25(messages_fts) AS Rank
            FROM messages_fts
            JOIN messages m ON m.id = messages_fts.message_id
            JOIN conversations c ON c.id = m.conversation_id
            WHERE messages_fts MATCH {ftsQuery} AND c.user_id = {userId}
            ORDER BY bm25(messages_fts), m.created_at DESC
            LIMIT {limit}
            """);

    public static IQueryable<SearchHit> Titles(TaskChatDbContext db, Guid userId, string ftsQuery, int limit) =>
        db.Database.SqlQuery<SearchHit>($"""
            SELECT c.id AS ConversationId, c.title AS ConversationTitle,
                   (SELECT m.id FROM messages m WHERE m.conversation_id = c.id ORDER BY m.sequence_number LIMIT 1) AS MessageId,
                   snippet(conversations_fts, 0, char(1), char(2), '…', 20) AS Snippet,
                   c.updated_at AS CreatedAt, -bm25(conversations_fts) AS Rank
            FROM conversations_fts
            JOIN conversations c ON c.id = conversations_fts.conversation_id
            WHERE conversations_fts MATCH {ftsQuery} AND c.user_id = {userId}
            ORDER BY bm25(conversations_fts), c.updated_at DESC
            LIMIT {limit}
            """);
}
