using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Search;

/// <summary>
/// The PostgreSQL queries. The hits are ranked and cut in an inner query, so ts_headline (the
/// costly part) runs only for the rows returned.
/// </summary>
internal static class PostgresSearch
{
    private const string Headline = "StartSel=\u0001, StopSel=\u0002, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=\" … \"";

    public static IQueryable<SearchHit> Messages(TaskChatDbContext db, Guid userId, string tsQuery, int limit) =>
        db.Database.SqlQuery<SearchHit>($"""
            SELECT h.conversation_id AS "ConversationId", c.title AS "ConversationTitle", h.id AS "MessageId",
                   ts_headline('english', m.content, to_tsquery('english', {tsQuery}), {Headline}) AS "Snippet",
                   h.created_at AS "CreatedAt", h.rank AS "Rank"
            FROM (
                SELECT m.id, m.conversation_id, m.created_at, ts_rank(m.search_vector, q)::float8 AS rank
                FROM messages m
                JOIN conversations c ON c.id = m.conversation_id,
                     to_tsquery('english', {tsQuery}) q
                WHERE c.user_id = {userId} AND m.search_vector @@ q
                ORDER BY rank DESC, m.created_at DESC
                LIMIT {limit}
            ) h
            JOIN messages m ON m.id = h.id
            JOIN conversations c ON c.id = h.conversation_id
            """);

    public static IQueryable<SearchHit> Titles(TaskChatDbContext db, Guid userId, string tsQuery, int limit) =>
        db.Database.SqlQuery<SearchHit>($"""
            SELECT c.id AS "ConversationId", c.title AS "ConversationTitle",
                   (SELECT m.id FROM messages m WHERE m.conversation_id = c.id ORDER BY m.sequence_number LIMIT 1) AS "MessageId",
                   ts_headline('english', c.title, q, {Headline}) AS "Snippet",
                   c.updated_at AS "CreatedAt", ts_rank(c.title_vector, q)::float8 AS "Rank"
            FROM conversations c, to_tsquery('english', {tsQuery}) q
            WHERE c.user_id = {userId} AND c.title_vector @@ q
            ORDER BY "Rank" DESC, c.updated_at DESC
            LIMIT {limit}
            """);
}
