using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TaskChat.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search: generated tsvector columns (kept by PostgreSQL itself on every
            // write) with GIN indexes. Not part of the EF model, so loading a message never reads them.
            migrationBuilder.Sql("""
                ALTER TABLE messages ADD COLUMN search_vector tsvector
                    GENERATED ALWAYS AS (to_tsvector('english', content)) STORED;
                CREATE INDEX ix_messages_search_vector ON messages USING GIN (search_vector);
                ALTER TABLE conversations ADD COLUMN title_vector tsvector
                    GENERATED ALWAYS AS (to_tsvector('english', title)) STORED;
                CREATE INDEX ix_conversations_title_vector ON conversations USING GIN (title_vector);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_conversations_title_vector;
                ALTER TABLE conversations DROP COLUMN IF EXISTS title_vector;
                DROP INDEX IF EXISTS ix_messages_search_vector;
                ALTER TABLE messages DROP COLUMN IF EXISTS search_vector;
                """);
        }
    }
}
