using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJH.DeviceWorkflows.Engine.Persistence.Migrations.SqlServer
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

            migrationBuilder.AddColumn<string>(
                name: "RoleList",
                table: "UserTasks",
                type: "nvarchar(max)",
                nullable: true);

            // Tasks stored before this column: their roles wrapped in commas, as the store writes it.
            migrationBuilder.Sql("""
                UPDATE [UserTasks] SET [RoleList] = N',' + [CandidateRoles] + N',';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Inbox_Filter",
                table: "UserTasks",
                columns: new[] { "Status", "Assignee", "DefinitionKey" })
                .Annotation("SqlServer:Include", new[] { "RoleList", "DueOrder" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Inbox_Filter",
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

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Status_Assignee",
                table: "UserTasks",
                columns: new[] { "Status", "Assignee" });
        }
    }
}
