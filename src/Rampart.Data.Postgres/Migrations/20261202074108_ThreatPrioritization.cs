using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rampart.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ThreatPrioritization : Migration
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
                name: "EpssDays",
                columns: table => new
                {
                    ScoreDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ModelVersion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    LoadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EpssDays", x => x.ScoreDate);
                });

            migrationBuilder.CreateTable(
                name: "EpssScores",
                columns: table => new
                {
                    ScoreDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Cve = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Epss = table.Column<double>(type: "double precision", nullable: false),
                    Percentile = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EpssScores", x => new { x.ScoreDate, x.Cve });
                });

            migrationBuilder.CreateTable(
                name: "FeedStates",
                columns: table => new
                {
                    Feed = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Location = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ETag = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LastModified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Records = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedStates", x => x.Feed);
                });

            migrationBuilder.CreateTable(
                name: "KevEntries",
                columns: table => new
                {
                    CveId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    VendorProject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Product = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VulnerabilityName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DateAdded = table.Column<DateOnly>(type: "date", nullable: false),
                    ShortDescription = table.Column<string>(type: "text", nullable: false),
                    RequiredAction = table.Column<string>(type: "text", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    KnownRansomwareCampaignUse = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Notes = table.Column<string>(type: "text", nullable: true),
                    Cwes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CatalogVersion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KevEntries", x => x.CveId);
                });

            migrationBuilder.CreateTable(
                name: "OsvEntries",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Modified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Published = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Withdrawn = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SchemaVersion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Aliases = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CvssVectors = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Severity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    LoadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OsvEntries", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "OsvAffectedPackages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntryId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Ecosystem = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EcosystemKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    NameKey = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Ranges = table.Column<string>(type: "text", nullable: true),
                    Versions = table.Column<string>(type: "text", nullable: true),
                    GitRanges = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OsvAffectedPackages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OsvAffectedPackages_OsvEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "OsvEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EpssScores_Cve_ScoreDate",
                table: "EpssScores",
                columns: new[] { "Cve", "ScoreDate" });

            migrationBuilder.CreateIndex(
                name: "IX_OsvAffectedPackages_EcosystemKey_NameKey",
                table: "OsvAffectedPackages",
                columns: new[] { "EcosystemKey", "NameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_OsvAffectedPackages_EntryId",
                table: "OsvAffectedPackages",
                column: "EntryId");

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
                name: "EpssDays");

            migrationBuilder.DropTable(
                name: "EpssScores");

            migrationBuilder.DropTable(
                name: "FeedStates");

            migrationBuilder.DropTable(
                name: "KevEntries");

            migrationBuilder.DropTable(
                name: "OsvAffectedPackages");

            migrationBuilder.DropTable(
                name: "PriorityChanges");

            migrationBuilder.DropTable(
                name: "OsvEntries");

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
