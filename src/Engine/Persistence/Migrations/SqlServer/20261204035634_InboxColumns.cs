using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJH.DeviceWorkflows.Engine.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InboxColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BusinessKey",
                table: "UserTasks",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DefinitionKey",
                table: "UserTasks",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DueOrder",
                table: "UserTasks",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "PersonName",
                table: "UserTasks",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "UserTasks",
                type: "nvarchar(max)",
                nullable: true);

            // Tasks created before these columns: copied from their instances (the person from the state JSON).
            migrationBuilder.Sql("""
                UPDATE t SET
                    DueOrder = COALESCE(t.DueAt, 3155378975999999999),
                    DefinitionKey = i.DefinitionKey,
                    BusinessKey = i.BusinessKey,
                    PersonName = JSON_VALUE(i.State, '$.variables.employee.name')
                FROM UserTasks t LEFT JOIN Instances i ON i.Id = t.InstanceId;
                UPDATE UserTasks SET SearchText = LOWER(TRIM(CHAR(10) FROM COALESCE(BusinessKey, '') + CHAR(10) + COALESCE(PersonName, '')));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Status_CreatedAt_Id",
                table: "UserTasks",
                columns: new[] { "Status", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Status_DueOrder_CreatedAt_Id",
                table: "UserTasks",
                columns: new[] { "Status", "DueOrder", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Status_CreatedAt_Id",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Status_DueOrder_CreatedAt_Id",
                table: "UserTasks");

            migrationBuilder.DropColumn(
                name: "BusinessKey",
                table: "UserTasks");

            migrationBuilder.DropColumn(
                name: "DefinitionKey",
                table: "UserTasks");

            migrationBuilder.DropColumn(
                name: "DueOrder",
                table: "UserTasks");

            migrationBuilder.DropColumn(
                name: "PersonName",
                table: "UserTasks");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "UserTasks");
        }
    }
}
