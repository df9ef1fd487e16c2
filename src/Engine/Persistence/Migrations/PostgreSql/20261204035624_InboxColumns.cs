using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJH.DeviceWorkflows.Engine.Persistence.Migrations.PostgreSql
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DefinitionKey",
                table: "UserTasks",
                type: "character varying(200)",
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "UserTasks",
                type: "text",
                nullable: true);

            // Tasks created before these columns: copied from their instances (the person from the state JSON).
            migrationBuilder.Sql("""
                UPDATE "UserTasks" SET "DueOrder" = COALESCE("DueAt", 3155378975999999999);
                UPDATE "UserTasks" t SET
                    "DefinitionKey" = i."DefinitionKey",
                    "BusinessKey" = i."BusinessKey",
                    "PersonName" = i."State"::jsonb #>> '{variables,employee,name}'
                FROM "Instances" i WHERE i."Id" = t."InstanceId";
                UPDATE "UserTasks" SET "SearchText" = lower(trim(both E'\n' from COALESCE("BusinessKey", '') || E'\n' || COALESCE("PersonName", '')));
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
