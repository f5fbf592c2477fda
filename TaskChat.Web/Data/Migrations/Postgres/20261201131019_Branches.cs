using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TaskChat.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Branches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "parent_id",
                table: "messages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "current_message_id",
                table: "conversations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_pinned",
                table: "conversations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_messages_conversation_id_parent_id",
                table: "messages",
                columns: new[] { "conversation_id", "parent_id" });

            migrationBuilder.CreateIndex(
                name: "IX_messages_parent_id",
                table: "messages",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "IX_conversations_user_id_is_pinned_updated_at_id",
                table: "conversations",
                columns: new[] { "user_id", "is_pinned", "updated_at", "id" });

            migrationBuilder.AddForeignKey(
                name: "FK_messages_messages_parent_id",
                table: "messages",
                column: "parent_id",
                principalTable: "messages",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            // The history so far becomes one branch: each message's parent is the one before it,
            // and each conversation's current branch ends at its newest message.
            migrationBuilder.Sql("""
                UPDATE messages SET parent_id = (
                    SELECT p.id FROM messages p
                    WHERE p.conversation_id = messages.conversation_id AND p.sequence_number < messages.sequence_number
                    ORDER BY p.sequence_number DESC LIMIT 1);
                """);
            migrationBuilder.Sql("""
                UPDATE conversations SET current_message_id = (
                    SELECT m.id FROM messages m WHERE m.conversation_id = conversations.id
                    ORDER BY m.sequence_number DESC LIMIT 1);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_messages_messages_parent_id",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "IX_messages_conversation_id_parent_id",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "IX_messages_parent_id",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "IX_conversations_user_id_is_pinned_updated_at_id",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "parent_id",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "current_message_id",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "is_pinned",
                table: "conversations");
        }
    }
}
