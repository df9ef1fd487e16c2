using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJH.DeviceWorkflows.Rules.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DecisionLogAndTestCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PolicyDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Set = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    OutputsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ReasonsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    FactsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ElementId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyDecisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PolicyTestCases",
                columns: table => new
                {
                    Set = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CasesJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SavedAt = table.Column<long>(type: "bigint", nullable: false),
                    SavedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyTestCases", x => x.Set);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyDecisions_InstanceId_Id",
                table: "PolicyDecisions",
                columns: new[] { "InstanceId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyDecisions_Set_Id",
                table: "PolicyDecisions",
                columns: new[] { "Set", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyDecisions_Set_Version_Id",
                table: "PolicyDecisions",
                columns: new[] { "Set", "Version", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PolicyDecisions");

            migrationBuilder.DropTable(
                name: "PolicyTestCases");
        }
    }
}
