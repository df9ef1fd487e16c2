using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InitialWorkEnvironmentSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RemoteWorkAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EmployeeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EmployeeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PersonalNumberProtected = table.Column<string>(type: "text", nullable: false),
                    PersonalNumberMasked = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Workplace = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RemoteDaysPerWeek = table.Column<int>(type: "integer", nullable: false),
                    OfficeDaysPerWeek = table.Column<int>(type: "integer", nullable: false),
                    TermsJson = table.Column<string>(type: "text", nullable: false),
                    EquipmentJson = table.Column<string>(type: "text", nullable: false),
                    NoticeValue = table.Column<int>(type: "integer", nullable: false),
                    NoticeUnit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ApprovedAt = table.Column<long>(type: "bigint", nullable: true),
                    SignaturesJson = table.Column<string>(type: "text", nullable: false),
                    ActivatedAt = table.Column<long>(type: "bigint", nullable: true),
                    TerminatedAt = table.Column<long>(type: "bigint", nullable: true),
                    TerminatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TerminationReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FollowUpsJson = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RemoteWorkAgreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ScopeUnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ScopeUnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ScopeLevel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ContentJson = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SignOffsJson = table.Column<string>(type: "text", nullable: false),
                    RejectionComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    SubmittedAt = table.Column<long>(type: "bigint", nullable: true),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkEnvironmentAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Entity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkEnvironmentAudit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkEnvironmentOperations",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Operation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntityId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkEnvironmentOperations", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RemoteWorkAgreements_EmployeeId_Status",
                table: "RemoteWorkAgreements",
                columns: new[] { "EmployeeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_ScopeUnitId_Status",
                table: "RiskAssessments",
                columns: new[] { "ScopeUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkEnvironmentAudit_Entity_EntityId",
                table: "WorkEnvironmentAudit",
                columns: new[] { "Entity", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkEnvironmentAudit_UnitId",
                table: "WorkEnvironmentAudit",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RemoteWorkAgreements");

            migrationBuilder.DropTable(
                name: "RiskAssessments");

            migrationBuilder.DropTable(
                name: "WorkEnvironmentAudit");

            migrationBuilder.DropTable(
                name: "WorkEnvironmentOperations");
        }
    }
}
