using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rampart.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Prioritization : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "AttackSuccessRate",
                table: "Findings",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ComputedPriority",
                table: "Findings",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Exploitation",
                table: "Findings",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PriorityDecidedAt",
                table: "Findings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PriorityOverride",
                table: "Findings",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PriorityOverrideAt",
                table: "Findings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PriorityOverrideBy",
                table: "Findings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PriorityOverrideReason",
                table: "Findings",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Ssvc",
                table: "Findings",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgentAutonomy",
                table: "Assets",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AgentTools",
                table: "Assets",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "PriorityChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FindingId = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FromPriority = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ToPriority = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FromSsvc = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ToSsvc = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriorityChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriorityChanges_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PriorityChanges_ChangedAt_ToPriority",
                table: "PriorityChanges",
                columns: new[] { "ChangedAt", "ToPriority" });

            migrationBuilder.CreateIndex(
                name: "IX_PriorityChanges_FindingId_ChangedAt",
                table: "PriorityChanges",
                columns: new[] { "FindingId", "ChangedAt" });
            // Findings stored before priorities were computed separately: their priority was the computed one.
            migrationBuilder.Sql("UPDATE \"Findings\" SET \"ComputedPriority\" = \"Priority\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PriorityChanges");

            migrationBuilder.DropColumn(
                name: "AttackSuccessRate",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "ComputedPriority",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "Exploitation",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "PriorityDecidedAt",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "PriorityOverride",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "PriorityOverrideAt",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "PriorityOverrideBy",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "PriorityOverrideReason",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "Ssvc",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "AgentAutonomy",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "AgentTools",
                table: "Assets");
        }
    }
}
