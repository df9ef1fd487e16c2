using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJH.DeviceWorkflows.Rules.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "PolicyAudit",
                type: "TEXT",
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
