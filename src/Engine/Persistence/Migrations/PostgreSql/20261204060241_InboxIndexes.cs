using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJH.DeviceWorkflows.Engine.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Status_Assignee",
                table: "UserTasks");

            migrationBuilder.RenameIndex(
                name: "IX_UserTasks_Status_DueOrder_CreatedAt_Id",
                table: "UserTasks",
                newName: "IX_UserTasks_Inbox_Due");

            migrationBuilder.RenameIndex(
                name: "IX_UserTasks_Status_CreatedAt_Id",
                table: "UserTasks",
                newName: "IX_UserTasks_Inbox_Created");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "RoleList",
                table: "UserTasks",
                type: "text",
                nullable: true);

            // Tasks stored before this column: their roles wrapped in commas, as the store writes it.
            migrationBuilder.Sql("""
                UPDATE "UserTasks" SET "RoleList" = ',' || "CandidateRoles" || ',';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Inbox_Filter",
                table: "UserTasks",
                columns: new[] { "Status", "Assignee", "DefinitionKey" })
                .Annotation("Npgsql:IndexInclude", new[] { "RoleList", "DueOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_SearchText_Trigram",
                table: "UserTasks",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Inbox_Filter",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_SearchText_Trigram",
                table: "UserTasks");

            migrationBuilder.DropColumn(
                name: "RoleList",
                table: "UserTasks");

            migrationBuilder.RenameIndex(
                name: "IX_UserTasks_Inbox_Due",
                table: "UserTasks",
                newName: "IX_UserTasks_Status_DueOrder_CreatedAt_Id");

            migrationBuilder.RenameIndex(
                name: "IX_UserTasks_Inbox_Created",
                table: "UserTasks",
                newName: "IX_UserTasks_Status_CreatedAt_Id");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Status_Assignee",
                table: "UserTasks",
                columns: new[] { "Status", "Assignee" });
        }
    }
}
