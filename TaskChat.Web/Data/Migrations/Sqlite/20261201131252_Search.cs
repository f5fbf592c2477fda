using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TaskChat.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search: FTS5 tables holding a copy of the text, kept by triggers. Not
            // external-content tables: those key on rowid, which a table rebuild by a later
            // migration would renumber. The queries join back to messages and conversations, so
            // a stale row could never show another user's data or a deleted message.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE messages_fts USING fts5(content, message_id UNINDEXED, tokenize = 'porter unicode61');
                INSERT INTO messages_fts (content, message_id) SELECT content, id FROM messages;
                CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
                    INSERT INTO messages_fts (content, message_id) VALUES (new.content, new.id);
                END;
                CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
                    UPDATE messages_fts SET content = new.content WHERE message_id = old.id;
                END;
                CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
                    DELETE FROM messages_fts WHERE message_id = old.id;
                END;
                CREATE VIRTUAL TABLE conversations_fts USING fts5(title, conversation_id UNINDEXED, tokenize = 'porter unicode61');
                INSERT INTO conversations_fts (title, conversation_id) SELECT title, id FROM conversations;
                CREATE TRIGGER conversations_fts_insert AFTER INSERT ON conversations BEGIN
                    INSERT INTO conversations_fts (title, conversation_id) VALUES (new.title, new.id);
                END;
                CREATE TRIGGER conversations_fts_update AFTER UPDATE OF title ON conversations BEGIN
                    UPDATE conversations_fts SET title = new.title WHERE conversation_id = old.id;
                END;
                CREATE TRIGGER conversations_fts_delete AFTER DELETE ON conversations BEGIN
                    DELETE FROM conversations_fts WHERE conversation_id = old.id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS messages_fts_insert;
                DROP TRIGGER IF EXISTS messages_fts_update;
                DROP TRIGGER IF EXISTS messages_fts_delete;
                DROP TABLE IF EXISTS messages_fts;
                DROP TRIGGER IF EXISTS conversations_fts_insert;
                DROP TRIGGER IF EXISTS conversations_fts_update;
                DROP TRIGGER IF EXISTS conversations_fts_delete;
                DROP TABLE IF EXISTS conversations_fts;
                """);
        }
    }
}
