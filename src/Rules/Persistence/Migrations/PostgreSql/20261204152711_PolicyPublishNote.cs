using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJH.DeviceWorkflows.Rules.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PolicyPublishNote : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PublishNote",
                table: "PolicyVersions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "PolicyAudit",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublishNote",
                table: "PolicyVersions");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "PolicyAudit");
        }
    }
}
