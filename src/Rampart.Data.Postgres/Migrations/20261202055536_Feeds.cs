using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rampart.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Feeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_EpssScores_Cve_ScoreDate",
                table: "EpssScores",
                columns: new[] { "Cve", "ScoreDate" });
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
        }
    }
}
