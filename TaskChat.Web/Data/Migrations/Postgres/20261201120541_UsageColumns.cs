using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TaskChat.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UsageColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "first_token_ms",
                table: "messages",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "input_tokens",
                table: "messages",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "model",
                table: "messages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "output_tokens",
                table: "messages",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "provider",
                table: "messages",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_tasks_user_id_completed_at",
                table: "tasks",
                columns: new[] { "user_id", "completed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_tasks_user_id_created_at",
                table: "tasks",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_messages_created_at",
                table: "messages",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "IX_messages_usage",
                table: "messages",
                columns: new[] { "conversation_id", "created_at" },
                filter: "role = 'assistant'")
                .Annotation("Npgsql:IndexInclude", new[] { "id", "provider", "model", "input_tokens", "output_tokens", "first_token_ms" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_tasks_user_id_completed_at",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "IX_tasks_user_id_created_at",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "IX_messages_created_at",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "IX_messages_usage",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "first_token_ms",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "input_tokens",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "model",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "output_tokens",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "provider",
                table: "messages");
        }
    }
}
