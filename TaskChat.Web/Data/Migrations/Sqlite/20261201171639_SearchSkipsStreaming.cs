using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TaskChat.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchSkipsStreaming : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A streaming reply is written again every partial write (4 times a second), and each
            // write re-indexed its whole text. A reply is searchable once it has ended, as on
            // PostgreSQL: it joins the index when its status leaves 'streaming'.
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS messages_fts_insert;
                DROP TRIGGER IF EXISTS messages_fts_update;
                DELETE FROM messages_fts WHERE message_id IN (SELECT id FROM messages WHERE status = 'streaming');
                CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.status <> 'streaming' BEGIN
                    INSERT INTO messages_fts (content, message_id) VALUES (new.content, new.id);
                END;
                CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, status ON messages WHEN new.status <> 'streaming' BEGIN
                    DELETE FROM messages_fts WHERE message_id = old.id;
                    INSERT INTO messages_fts (content, message_id) VALUES (new.content, new.id);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS messages_fts_insert;
                DROP TRIGGER IF EXISTS messages_fts_update;
                CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
                    INSERT INTO messages_fts (content, message_id) VALUES (new.content, new.id);
                END;
                CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
                    UPDATE messages_fts SET content = new.content WHERE message_id = old.id;
                END;
                INSERT INTO messages_fts (content, message_id)
                    SELECT content, id FROM messages WHERE status = 'streaming';
                """);
        }
    }
}
