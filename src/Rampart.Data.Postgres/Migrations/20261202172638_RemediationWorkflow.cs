using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rampart.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RemediationWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Assignee",
                table: "Findings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DuplicateOfId",
                table: "Findings",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NotAffectedJustification",
                table: "Findings",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Findings",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "New");

            // Findings stored before the workflow: the state their status stands for (FindingWorkflow.StateOf).
            migrationBuilder.Sql(
                """
                UPDATE "Findings" SET "State" = CASE "Status"
                    WHEN 'Fixed' THEN 'VerifiedClosed' WHEN 'RiskAccepted' THEN 'RiskAccepted' WHEN 'FalsePositive' THEN 'FalsePositive'
                    WHEN 'NotAffected' THEN 'NotAffected' WHEN 'Duplicate' THEN 'Duplicate' ELSE 'New' END
                WHERE "Status" <> 'Open'
                """);

            migrationBuilder.CreateTable(
                name: "DueDiligenceItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FindingId = table.Column<long>(type: "bigint", nullable: false),
                    Vendor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AccountableParty = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContactedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VendorAnswer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    VendorFixDate = table.Column<DateOnly>(type: "date", nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DueDiligenceItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DueDiligenceItems_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FindingTransitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FindingId = table.Column<long>(type: "bigint", nullable: false),
                    FromState = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ToState = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Justification = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ScanId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FindingTransitions_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FindingTransitions_Scans_ScanId",
                        column: x => x.ScanId,
                        principalTable: "Scans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RiskAcceptances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FindingId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Justification = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CompensatingControls = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PolicyVersionId = table.Column<long>(type: "bigint", nullable: true),
                    MaxDays = table.Column<int>(type: "integer", nullable: true),
                    ExpiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAcceptances_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RiskAcceptances_PolicyVersions_PolicyVersionId",
                        column: x => x.PolicyVersionId,
                        principalTable: "PolicyVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_Assignee_Status_Priority_DueDate",
                table: "Findings",
                columns: new[] { "Assignee", "Status", "Priority", "DueDate" },
                filter: "\"Assignee\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_DuplicateOfId",
                table: "Findings",
                column: "DuplicateOfId",
                filter: "\"DuplicateOfId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DueDiligenceItems_FindingId",
                table: "DueDiligenceItems",
                column: "FindingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DueDiligenceItems_Status_VendorFixDate",
                table: "DueDiligenceItems",
                columns: new[] { "Status", "VendorFixDate" });

            migrationBuilder.CreateIndex(
                name: "IX_FindingTransitions_FindingId_At",
                table: "FindingTransitions",
                columns: new[] { "FindingId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FindingTransitions_ScanId",
                table: "FindingTransitions",
                column: "ScanId",
                filter: "\"ScanId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAcceptances_FindingId_Status",
                table: "RiskAcceptances",
                columns: new[] { "FindingId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAcceptances_PolicyVersionId",
                table: "RiskAcceptances",
                column: "PolicyVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAcceptances_Status_ExpiresAt",
                table: "RiskAcceptances",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Findings_Findings_DuplicateOfId",
                table: "Findings",
                column: "DuplicateOfId",
                principalTable: "Findings",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Findings_Findings_DuplicateOfId",
                table: "Findings");

            migrationBuilder.DropTable(
                name: "DueDiligenceItems");

            migrationBuilder.DropTable(
                name: "FindingTransitions");

            migrationBuilder.DropTable(
                name: "RiskAcceptances");

            migrationBuilder.DropIndex(
                name: "IX_Findings_Assignee_Status_Priority_DueDate",
                table: "Findings");

            migrationBuilder.DropIndex(
                name: "IX_Findings_DuplicateOfId",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "Assignee",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "DuplicateOfId",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "NotAffectedJustification",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "State",
                table: "Findings");
        }
    }
}
