using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJH.DeviceWorkflows.Registry.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ExternalSystemIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OperatorSubscriptionId",
                table: "Subscriptions",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SwitchboardExtensionId",
                table: "Extensions",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MdmDeviceId",
                table: "Devices",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OperatorSubscriptionId",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "SwitchboardExtensionId",
                table: "Extensions");

            migrationBuilder.DropColumn(
                name: "MdmDeviceId",
                table: "Devices");
        }
    }
}
