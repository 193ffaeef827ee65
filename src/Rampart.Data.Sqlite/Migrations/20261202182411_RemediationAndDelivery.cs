using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rampart.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RemediationAndDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "Users",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DispatchedAt",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Assignee",
                table: "Findings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DuplicateOfId",
                table: "Findings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NotAffectedJustification",
                table: "Findings",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SlaPausedAt",
                table: "Findings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Findings",
                type: "TEXT",
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FindingId = table.Column<long>(type: "INTEGER", nullable: false),
                    Vendor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AccountableParty = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VendorAnswer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    VendorFixDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FindingId = table.Column<long>(type: "INTEGER", nullable: false),
                    PolicyVersionId = table.Column<long>(type: "INTEGER", nullable: true),
                    DaysAfterDue = table.Column<int>(type: "INTEGER", nullable: false),
                    Notify = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DueDate = table.Column<long>(type: "INTEGER", nullable: false),
                    FiredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Escalations_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Escalations_PolicyVersions_PolicyVersionId",
                        column: x => x.PolicyVersionId,
                        principalTable: "PolicyVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "FindingTickets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FindingId = table.Column<long>(type: "INTEGER", nullable: false),
                    System = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ClosedExternallyAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSyncedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingTickets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FindingTickets_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FindingTransitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FindingId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromState = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ToState = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ScanId = table.Column<long>(type: "INTEGER", nullable: true)
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
                name: "NotificationDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NotificationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotificationDeliveries_Notifications_NotificationId",
                        column: x => x.NotificationId,
                        principalTable: "Notifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskAcceptances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FindingId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CompensatingControls = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PolicyVersionId = table.Column<long>(type: "INTEGER", nullable: true),
                    MaxDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ExpiredAt = table.Column<long>(type: "INTEGER", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "SlaPauses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FindingId = table.Column<long>(type: "INTEGER", nullable: false),
                    PausedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PausedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PolicyVersionId = table.Column<long>(type: "INTEGER", nullable: true),
                    ResumedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResumedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DueDateBefore = table.Column<long>(type: "INTEGER", nullable: true),
                    DueDateAfter = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaPauses_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SlaPauses_PolicyVersions_PolicyVersionId",
                        column: x => x.PolicyVersionId,
                        principalTable: "PolicyVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_DispatchedAt",
                table: "Notifications",
                column: "DispatchedAt");

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
                name: "IX_Escalations_FindingId_DaysAfterDue_Notify_DueDate",
                table: "Escalations",
                columns: new[] { "FindingId", "DaysAfterDue", "Notify", "DueDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_FiredAt",
                table: "Escalations",
                column: "FiredAt");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_PolicyVersionId",
                table: "Escalations",
                column: "PolicyVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_FindingTickets_FindingId_System",
                table: "FindingTickets",
                columns: new[] { "FindingId", "System" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FindingTickets_System_Key",
                table: "FindingTickets",
                columns: new[] { "System", "Key" },
                unique: true);

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
                name: "IX_NotificationDeliveries_NotificationId_Channel_Target",
                table: "NotificationDeliveries",
                columns: new[] { "NotificationId", "Channel", "Target" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDeliveries_Status_NextAttemptAt",
                table: "NotificationDeliveries",
                columns: new[] { "Status", "NextAttemptAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_SlaPauses_FindingId_PausedAt",
                table: "SlaPauses",
                columns: new[] { "FindingId", "PausedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaPauses_PolicyVersionId",
                table: "SlaPauses",
                column: "PolicyVersionId");

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
                name: "Escalations");

            migrationBuilder.DropTable(
                name: "FindingTickets");

            migrationBuilder.DropTable(
                name: "FindingTransitions");

            migrationBuilder.DropTable(
                name: "NotificationDeliveries");

            migrationBuilder.DropTable(
                name: "RiskAcceptances");

            migrationBuilder.DropTable(
                name: "SlaPauses");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_DispatchedAt",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Findings_Assignee_Status_Priority_DueDate",
                table: "Findings");

            migrationBuilder.DropIndex(
                name: "IX_Findings_DuplicateOfId",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "DispatchedAt",
                table: "Notifications");

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
                name: "SlaPausedAt",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "State",
                table: "Findings");
        }
    }
}
