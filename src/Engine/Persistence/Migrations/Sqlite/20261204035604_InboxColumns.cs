using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJH.DeviceWorkflows.Engine.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DefinitionKey",
                table: "UserTasks",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DueOrder",
                table: "UserTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "PersonName",
                table: "UserTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "UserTasks",
                type: "TEXT",
                nullable: true);

            // Tasks created before these columns: copied from their instances (the person from the state JSON).
            // SQLite's lower() folds ASCII only, so "Å" in such an old row is found by "Å", not "å".
            migrationBuilder.Sql("""
                UPDATE "UserTasks" SET
                    "DueOrder" = COALESCE("DueAt", 3155378975999999999),
                    "DefinitionKey" = (SELECT i."DefinitionKey" FROM "Instances" i WHERE i."Id" = "UserTasks"."InstanceId"),
                    "BusinessKey" = (SELECT i."BusinessKey" FROM "Instances" i WHERE i."Id" = "UserTasks"."InstanceId"),
                    "PersonName" = (SELECT json_extract(i."State", '$.variables.employee.name') FROM "Instances" i WHERE i."Id" = "UserTasks"."InstanceId");
                UPDATE "UserTasks" SET "SearchText" = lower(trim(COALESCE("BusinessKey", '') || char(10) || COALESCE("PersonName", ''), char(10)));
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
