using System.Text.Json;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

public sealed class OsvCliTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OsvImport_CorpusRecordsAndLog4jSbom_PrintsLoadAndPerAssetCounts(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var sbom = await RampartProcess.RunAsync(db.Target.ConnectionString, "import", Corpus.File("cyclonedx/cdx-1.4_grype-0.41.0_log4j.json"), "--asset", "log4j-app");
        Assert.True(sbom.ExitCode == 0, sbom.StdErr);
        var folder = Path.GetDirectoryName(Corpus.File("osv/GO-2024-2963.json"))!;

        var run = await RampartProcess.RunAsync(db.Target.ConnectionString, "osv", "import", folder, "--json");

        Assert.True(run.ExitCode == 0, run.StdErr);
        using var json = JsonDocument.Parse(run.StdOut);
        var loaded = Assert.Single(json.RootElement.GetProperty("loaded").EnumerateArray());
        Assert.Equal(6, loaded.GetProperty("records").GetInt32());   // six corpus files
        Assert.Equal(2, loaded.GetProperty("gitRanges").GetInt32()); // PYSEC-2023-74 and CVE-2018-5407
        var asset = Assert.Single(json.RootElement.GetProperty("matched").EnumerateArray());
        Assert.Equal("log4j-app", asset.GetProperty("asset").GetString());
        // No corpus record names Maven log4j-core: the asset is matched, nothing found, nothing closed.
        Assert.Equal((1, 0, 0), (asset.GetProperty("components").GetInt32(), asset.GetProperty("findings").GetInt32(), asset.GetProperty("closed").GetInt32()));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OsvMatch_AfterSbomAndRecord_FindsGoStdlibVulnerability(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var sbomPath = Path.Combine(Path.GetTempPath(), $"go-sbom-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(sbomPath, """{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"components":[{"type":"library","name":"stdlib","version":"v1.22.4","purl":"pkg:golang/stdlib@v1.22.4"}]}""");
        try
        {
            Assert.Equal(0, (await RampartProcess.RunAsync(db.Target.ConnectionString, "import", sbomPath, "--asset", "go-svc")).ExitCode);
            Assert.Equal(0, (await RampartProcess.RunAsync(db.Target.ConnectionString, "osv", "import", Corpus.File("osv/GO-2024-2963.json"))).ExitCode);

            var run = await RampartProcess.RunAsync(db.Target.ConnectionString, "osv", "match", "--asset", "go-svc");

            Assert.True(run.ExitCode == 0, run.StdErr);
            // GO-2024-2963: 1.22.4 is in [1.22.0-0, 1.22.5). The osv import already matched it, so this run sees it unchanged.
            Assert.Contains("go-svc: 1 components matched against OSV: 1 findings — 0 new, 1 unchanged, 0 reopened, 0 closed as fixed.", run.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(sbomPath);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OsvImport_BadRecord_ExitsTwoNamingFileAndPath(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bad = Path.Combine(Path.GetTempPath(), $"bad-osv-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(bad, """{"id":"TEST-1","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"x"},"ranges":[{"type":"SEMVER","events":[{"introduced":"banana"}]}]}]}""");
        try
        {
            var run = await RampartProcess.RunAsync(db.Target.ConnectionString, "osv", "import", bad);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"{Path.GetFileName(bad)}: $.affected[0].ranges[0].events[0].introduced: 'banana' is not a SemVer 2.0 version", run.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task OsvMatch_UnknownAsset_ExitsTwo()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var run = await RampartProcess.RunAsync(db.Target.ConnectionString, "osv", "match", "--asset", "nope");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("There is no asset named 'nope'.", run.StdErr, StringComparison.Ordinal);
    }
}
