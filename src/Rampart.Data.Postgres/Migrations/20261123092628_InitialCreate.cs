using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rampart.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastUsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Assets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Layer = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OwnerTeam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Criticality = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Exposure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DataSensitivity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UpstreamProvider = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PasswordHash = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IsAdmin = table.Column<bool>(type: "boolean", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Findings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssetId = table.Column<long>(type: "bigint", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    RuleId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    VulnerabilityIds = table.Column<string>(type: "text", nullable: false),
                    Cwes = table.Column<string>(type: "text", nullable: false),
                    ComponentPurl = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ComponentName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ComponentVersion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FixedVersion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LocationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LocationLine = table.Column<int>(type: "integer", nullable: true),
                    ToolSeverity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CvssVectors = table.Column<string>(type: "text", nullable: false),
                    CvssScore = table.Column<double>(type: "double precision", nullable: true),
                    Severity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PriorityReasons = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FirstSeen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StatusChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueDate = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SeverityRank = table.Column<int>(type: "integer", nullable: false, computedColumnSql: "CASE \"Severity\" WHEN 'Critical' THEN 4 WHEN 'High' THEN 3 WHEN 'Medium' THEN 2 WHEN 'Low' THEN 1 ELSE 0 END", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Findings_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Scans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssetId = table.Column<long>(type: "bigint", nullable: false),
                    Tool = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ToolVersion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Format = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ScanDate = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FindingCount = table.Column<int>(type: "integer", nullable: false),
                    NewCount = table.Column<int>(type: "integer", nullable: false),
                    UnchangedCount = table.Column<int>(type: "integer", nullable: false),
                    ReopenedCount = table.Column<int>(type: "integer", nullable: false),
                    ClosedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Scans_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Observations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FindingId = table.Column<long>(type: "bigint", nullable: false),
                    ScanId = table.Column<long>(type: "bigint", nullable: false),
                    SeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Tool = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ToolSeverity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RawLocation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Observations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Observations_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Observations_Scans_ScanId",
                        column: x => x.ScanId,
                        principalTable: "Scans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_Hash",
                table: "ApiTokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Name",
                table: "Assets",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_AssetId_Fingerprint",
                table: "Findings",
                columns: new[] { "AssetId", "Fingerprint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_AssetId_Status_Priority_DueDate",
                table: "Findings",
                columns: new[] { "AssetId", "Status", "Priority", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_Status_DueDate_Id",
                table: "Findings",
                columns: new[] { "Status", "DueDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_Status_FirstSeen_Id",
                table: "Findings",
                columns: new[] { "Status", "FirstSeen", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_Status_LastSeen_Id",
                table: "Findings",
                columns: new[] { "Status", "LastSeen", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_Status_Priority_DueDate_Id",
                table: "Findings",
                columns: new[] { "Status", "Priority", "DueDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_Status_SeverityRank_Id",
                table: "Findings",
                columns: new[] { "Status", "SeverityRank", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_Status_Title_Id",
                table: "Findings",
                columns: new[] { "Status", "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Observations_FindingId_SeenAt",
                table: "Observations",
                columns: new[] { "FindingId", "SeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Observations_ScanId_FindingId",
                table: "Observations",
                columns: new[] { "ScanId", "FindingId" });

            migrationBuilder.CreateIndex(
                name: "IX_Scans_AssetId_Tool_Id",
                table: "Scans",
                columns: new[] { "AssetId", "Tool", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Scans_ImportedAt",
                table: "Scans",
                column: "ImportedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Users_UserName",
                table: "Users",
                column: "UserName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "Observations");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "Findings");

            migrationBuilder.DropTable(
                name: "Scans");

            migrationBuilder.DropTable(
                name: "Assets");
        }
    }
}
