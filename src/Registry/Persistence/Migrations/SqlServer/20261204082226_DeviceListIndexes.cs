using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJH.DeviceWorkflows.Registry.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DeviceListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Devices_Model_Id",
                table: "Devices",
                columns: new[] { "Model", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Devices_UpdatedAt_Id",
                table: "Devices",
                columns: new[] { "UpdatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Devices_Model_Id",
                table: "Devices");

            migrationBuilder.DropIndex(
                name: "IX_Devices_UpdatedAt_Id",
                table: "Devices");
        }
    }
}
