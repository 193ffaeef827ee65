using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rampart.Data.Postgres.Migrations
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
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ComputedPriority",
                table: "Findings",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Exploitation",
                table: "Findings",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PriorityDecidedAt",
                table: "Findings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PriorityOverride",
                table: "Findings",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PriorityOverrideAt",
                table: "Findings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PriorityOverrideBy",
                table: "Findings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PriorityOverrideReason",
                table: "Findings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Ssvc",
                table: "Findings",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgentAutonomy",
                table: "Assets",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AgentTools",
                table: "Assets",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "PriorityChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FindingId = table.Column<long>(type: "bigint", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FromPriority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ToPriority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FromSsvc = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ToSsvc = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Cause = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Reasons = table.Column<string>(type: "text", nullable: false)
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
