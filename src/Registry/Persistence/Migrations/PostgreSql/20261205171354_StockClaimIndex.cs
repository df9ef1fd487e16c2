using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJH.DeviceWorkflows.Registry.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StockClaimIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Devices_Status_Type",
                table: "Devices");

            migrationBuilder.CreateIndex(
                name: "IX_Devices_Status_Type_CreatedAt_Id",
                table: "Devices",
                columns: new[] { "Status", "Type", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Devices_Status_Type_CreatedAt_Id",
                table: "Devices");

            migrationBuilder.CreateIndex(
                name: "IX_Devices_Status_Type",
                table: "Devices",
                columns: new[] { "Status", "Type" });
        }
    }
}
