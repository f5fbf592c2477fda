using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TaskChat.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScaleOutIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_messages_status",
                table: "messages");

            migrationBuilder.CreateIndex(
                name: "IX_messages_client_message_id",
                table: "messages",
                column: "client_message_id",
                filter: "client_message_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_messages_conversation_id_streaming",
                table: "messages",
                column: "conversation_id",
                filter: "status = 'streaming'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_messages_client_message_id",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "IX_messages_conversation_id_streaming",
                table: "messages");

            migrationBuilder.CreateIndex(
                name: "IX_messages_status",
                table: "messages",
                column: "status");
        }
    }
}
