using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TaskChat.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchSkipsStreaming : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A streaming reply is written again every partial write (4 times a second): its
            // tsvector was recomputed from the whole text and its words added to the GIN index
            // each time, which doubled PostgreSQL's CPU per turn. A reply is searchable once it
            // has ended; until then its vector is NULL and stays out of the (partial) index.
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_messages_search_vector;
                ALTER TABLE messages DROP COLUMN IF EXISTS search_vector;
                ALTER TABLE messages ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    CASE WHEN status = 'streaming' THEN NULL ELSE to_tsvector('english', content) END) STORED;
                CREATE INDEX ix_messages_search_vector ON messages USING GIN (search_vector) WHERE search_vector IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_messages_search_vector;
                ALTER TABLE messages DROP COLUMN IF EXISTS search_vector;
                ALTER TABLE messages ADD COLUMN search_vector tsvector
                    GENERATED ALWAYS AS (to_tsvector('english', content)) STORED;
                CREATE INDEX ix_messages_search_vector ON messages USING GIN (search_vector);
                """);
        }
    }
}
