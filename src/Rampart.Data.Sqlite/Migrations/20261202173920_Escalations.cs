using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rampart.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Escalations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SlaPausedAt",
                table: "Findings",
                type: "INTEGER",
                nullable: true);

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
                name: "IX_SlaPauses_FindingId_PausedAt",
                table: "SlaPauses",
                columns: new[] { "FindingId", "PausedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaPauses_PolicyVersionId",
                table: "SlaPauses",
                column: "PolicyVersionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Escalations");

            migrationBuilder.DropTable(
                name: "SlaPauses");

            migrationBuilder.DropColumn(
                name: "SlaPausedAt",
                table: "Findings");
        }
    }
}
