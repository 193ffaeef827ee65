using System.Text.Json;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

public sealed class CliTests
{
    // legacy_image_many_vulns.json: python3 over the file counts 93 vulnerabilities, 93 distinct
    // (VulnerabilityID, PkgName, InstalledVersion) triples, in one target "debian (debian 10.8)".
    private const int LegacyTrivyFindings = 93;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_RealTrivyReportWithJson_PrintsCountsAndReimportIsUnchanged(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var report = Corpus.File("trivy/legacy_image_many_vulns.json");

        var first = await RampartProcess.RunAsync(db.Target.ConnectionString, "import", report, "--asset", "debian-base", "--json");
        var second = await RampartProcess.RunAsync(db.Target.ConnectionString, "import", report, "--asset", "debian-base", "--json");

        Assert.True(first.ExitCode == 0, first.StdErr);
        using var firstJson = JsonDocument.Parse(first.StdOut);
        Assert.Equal("trivy", firstJson.RootElement.GetProperty("format").GetString());
        Assert.Equal("debian-base", firstJson.RootElement.GetProperty("asset").GetString());
        Assert.Equal(LegacyTrivyFindings, firstJson.RootElement.GetProperty("findings").GetInt32());
        Assert.Equal(LegacyTrivyFindings, firstJson.RootElement.GetProperty("new").GetInt32());
        using var secondJson = JsonDocument.Parse(second.StdOut);
        Assert.Equal(0, secondJson.RootElement.GetProperty("new").GetInt32());
        Assert.Equal(LegacyTrivyFindings, secondJson.RootElement.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, secondJson.RootElement.GetProperty("closed").GetInt32());
        Assert.Equal(0, secondJson.RootElement.GetProperty("reopened").GetInt32());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Findings_AfterImport_ListsThemMostUrgentFirstAsJson(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var import = await RampartProcess.RunAsync(db.Target.ConnectionString, "import", Corpus.File("trivy/legacy_image_many_vulns.json"), "--asset", "debian-base");
        Assert.True(import.ExitCode == 0, import.StdErr);

        var list = await RampartProcess.RunAsync(db.Target.ConnectionString, "findings", "--asset", "debian-base", "--limit", "1000", "--json");

        Assert.True(list.ExitCode == 0, list.StdErr);
        using var json = JsonDocument.Parse(list.StdOut);
        var priorities = json.RootElement.EnumerateArray().Select(f => f.GetProperty("priority").GetString()!).ToList();
        Assert.Equal(LegacyTrivyFindings, priorities.Count);
        Assert.Equal(priorities.Order(StringComparer.Ordinal), priorities);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_TruncatedFile_FailsNamingTheFileAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var original = await File.ReadAllBytesAsync(Corpus.File("trivy/legacy_image_many_vulns.json"));
        var truncated = Path.Combine(Path.GetTempPath(), $"truncated-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(truncated, original[..(original.Length / 2)]);

        try
        {
            var outcome = await RampartProcess.RunAsync(db.Target.ConnectionString, "import", truncated, "--asset", "debian-base");
            var list = await RampartProcess.RunAsync(db.Target.ConnectionString, "findings", "--json");

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains(Path.GetFileName(truncated), outcome.StdErr, StringComparison.Ordinal);
            Assert.Equal("[]", list.StdOut.Trim());
        }
        finally
        {
            File.Delete(truncated);
        }
    }

    [Fact]
    public async Task Import_MissingFile_ExitsWithBadInput()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var outcome = await RampartProcess.RunAsync(db.Target.ConnectionString, "import", "/nonexistent/report.sarif", "--asset", "x");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("/nonexistent/report.sarif", outcome.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadScanDate_IsRefusedBeforeAnythingIsWritten()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var outcome = await RampartProcess.RunAsync(db.Target.ConnectionString, "import", Corpus.File("sarif/gosec.sarif"), "--asset", "x", "--scan-date", "yesterday");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--scan-date 'yesterday'", outcome.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenCreate_WithJson_PrintsTheTokenOnce()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var outcome = await RampartProcess.RunAsync(db.Target.ConnectionString, "token", "create", "--name", "ci", "--json");

        Assert.True(outcome.ExitCode == 0, outcome.StdErr);
        using var json = JsonDocument.Parse(outcome.StdOut);
        Assert.Equal("ci", json.RootElement.GetProperty("name").GetString());
        Assert.StartsWith("rpt_", json.RootElement.GetProperty("token").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_NewSqliteFile_CreatesTheDatabase()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rampart-cli-" + Guid.NewGuid().ToString("N"), "nested");
        var file = Path.Combine(folder, "rampart.db");

        try
        {
            var outcome = await RampartProcess.RunAsync(file, "migrate");

            Assert.True(outcome.ExitCode == 0, outcome.StdErr);
            Assert.True(File.Exists(file), $"migrate should create {file} and its folder");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
