using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rampart.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Osv : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OsvEntries",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Modified = table.Column<long>(type: "INTEGER", nullable: false),
                    Published = table.Column<long>(type: "INTEGER", nullable: true),
                    Withdrawn = table.Column<long>(type: "INTEGER", nullable: true),
                    SchemaVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Aliases = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CvssVectors = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    LoadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OsvEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OsvAffectedPackages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Ecosystem = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EcosystemKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Ranges = table.Column<string>(type: "TEXT", nullable: true),
                    Versions = table.Column<string>(type: "TEXT", nullable: true),
                    GitRanges = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "IX_OsvAffectedPackages_EcosystemKey_NameKey",
                table: "OsvAffectedPackages",
                columns: new[] { "EcosystemKey", "NameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_OsvAffectedPackages_EntryId",
                table: "OsvAffectedPackages",
                column: "EntryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OsvAffectedPackages");

            migrationBuilder.DropTable(
                name: "OsvEntries");
        }
    }
}
