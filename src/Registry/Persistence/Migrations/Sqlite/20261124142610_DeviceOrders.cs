using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJH.DeviceWorkflows.Registry.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeviceOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeviceOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeviceType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnderRollout = table.Column<bool>(type: "INTEGER", nullable: false),
                    Payer = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CostCenter = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceOrders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceOrders_EmployeeId_Status",
                table: "DeviceOrders",
                columns: new[] { "EmployeeId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeviceOrders");
        }
    }
}
