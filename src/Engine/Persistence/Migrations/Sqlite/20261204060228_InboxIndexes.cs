using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJH.DeviceWorkflows.Engine.Persistence.Migrations.Sqlite
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

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Status_CreatedAt_Id",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Status_DueOrder_CreatedAt_Id",
                table: "UserTasks");

            migrationBuilder.AddColumn<string>(
                name: "RoleList",
                table: "UserTasks",
                type: "TEXT",
                nullable: true);

            // Tasks stored before this column: their roles wrapped in commas, as the store writes it.
            migrationBuilder.Sql("""
                UPDATE "UserTasks" SET "RoleList" = ',' || "CandidateRoles" || ',';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Inbox_Created",
                table: "UserTasks",
                columns: new[] { "Status", "CreatedAt", "Id", "Assignee", "RoleList", "DefinitionKey", "DueOrder", "SearchText" });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Inbox_Due",
                table: "UserTasks",
                columns: new[] { "Status", "DueOrder", "CreatedAt", "Id", "Assignee", "RoleList", "DefinitionKey", "SearchText" });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Inbox_Filter",
                table: "UserTasks",
                columns: new[] { "Status", "Assignee", "DefinitionKey", "RoleList", "DueOrder" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Inbox_Created",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Inbox_Due",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Inbox_Filter",
                table: "UserTasks");

            migrationBuilder.DropColumn(
                name: "RoleList",
                table: "UserTasks");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Status_Assignee",
                table: "UserTasks",
                columns: new[] { "Status", "Assignee" });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Status_CreatedAt_Id",
                table: "UserTasks",
                columns: new[] { "Status", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Status_DueOrder_CreatedAt_Id",
                table: "UserTasks",
                columns: new[] { "Status", "DueOrder", "CreatedAt", "Id" });
        }
    }
}
