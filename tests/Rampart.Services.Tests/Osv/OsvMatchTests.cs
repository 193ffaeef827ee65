using Microsoft.EntityFrameworkCore;
using Rampart.Data;
using Rampart.Core.Findings;
using Rampart.Services.Osv;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Osv;

public sealed class OsvMatchTests
{
    private static readonly string NpmSbom = Path.Combine(AppContext.BaseDirectory, "Osv", "Data", "npm-sbom_lodash-minimist.cdx.json");

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MatchAsync_GrypeLog4jSbom_MergesWithGrypeFindingAsSecondObservation(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        // The corpus SBOM (Grype 0.41.0) lists log4j-core 2.13.2 and Grype's 8 vulnerabilities, CVE-2021-44228 among them.
        await harness.ImportCorpusAsync("log4j-app", "cyclonedx/cdx-1.4_grype-0.41.0_log4j.json");
        await harness.LoadJsonAsync(OsvTestData.Log4Shell());

        var match = await harness.MatchOneAsync("log4j-app");

        // 2.13.2 is in [2.13.0, 2.15.0): one finding, the one Grype reported (same CVE, package, version).
        Assert.Equal(1, match.Components);
        OsvTestData.AssertCounts(match.Import, @new: 0, unchanged: 1, reopened: 0, closed: 0);
        var findings = await harness.FindingsAsync("log4j-app");
        Assert.Equal(8, findings.Count);
        var log4shell = Assert.Single(findings, f => f.VulnerabilityIds.Contains("CVE-2021-44228", StringComparison.Ordinal));
        Assert.Equal("2.15.0", log4shell.FixedVersion);
        Assert.StartsWith("CVE-2021-44228", log4shell.VulnerabilityIds, StringComparison.Ordinal);
        var tools = await harness.WithDbAsync(db => db.Observations.Where(o => o.FindingId == log4shell.Id).Select(o => o.Tool).OrderBy(t => t).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal([InventoryMatcher.Tool, "grype"], tools);
        // The alias book learned GHSA ↔ CVE from the OSV record.
        var canonical = await harness.WithDbAsync(db => db.VulnerabilityAliases.Where(a => a.Alias == "GHSA-JFH8-C2JP-5V3Q").Select(a => a.CanonicalId).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal("CVE-2021-44228", canonical);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MatchAsync_NpmSbomAndAdvisories_FindsBothWithFixedVersions(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.ImportAsync("npm-app", File.ReadAllBytes(NpmSbom), "sbom.cdx.json");
        await harness.LoadJsonAsync(OsvTestData.Lodash, OsvTestData.Minimist);

        var match = await harness.MatchOneAsync("npm-app");

        OsvTestData.AssertCounts(match.Import, @new: 2, unchanged: 0, reopened: 0, closed: 0);
        var findings = await harness.FindingsAsync("npm-app");
        Assert.Equal(
            ["lodash 4.17.20 CVE-2021-23337 GHSA-35jh-r3h4-6jhm fixed 4.17.21", "minimist 1.2.5 CVE-2021-44906 GHSA-xvch-5gv4-984h fixed 1.2.6"],
            findings.Select(f => $"{f.ComponentName} {f.ComponentVersion} {f.VulnerabilityIds} fixed {f.FixedVersion}").Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal(FindingKind.Vulnerability, f.Kind));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MatchAsync_SbomChanges_ClosesThenReopens(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.LoadPathAsync(Corpus.File("osv/PYSEC-2023-74.json")); // requests: ECOSYSTEM [2.3.0, 2.31.0)

        await harness.ImportAsync("py-app", OsvTestData.Sbom("pkg:pypi/requests@2.30.0"), "sbom-1.json");
        var first = await harness.MatchOneAsync("py-app");
        await harness.ImportAsync("py-app", OsvTestData.Sbom("pkg:pypi/requests@2.31.0"), "sbom-2.json");
        var second = await harness.MatchOneAsync("py-app");
        await harness.ImportAsync("py-app", OsvTestData.Sbom("pkg:pypi/Requests@2.30"), "sbom-3.json");
        var third = await harness.MatchOneAsync("py-app");

        OsvTestData.AssertCounts(first.Import, @new: 1, unchanged: 0, reopened: 0, closed: 0);
        OsvTestData.AssertCounts(second.Import, @new: 0, unchanged: 0, reopened: 0, closed: 1); // 2.31.0 is the fix
        // "Requests" (PEP 503) 2.30 is not 2.30.0 to the fingerprint (versions are compared as given): a new finding.
        OsvTestData.AssertCounts(third.Import, @new: 1, unchanged: 0, reopened: 0, closed: 0);
        var statuses = (await harness.FindingsAsync("py-app")).Select(f => $"{f.ComponentVersion} {f.Status}");
        Assert.Equal(["2.30.0 Fixed", "2.30 Open"], statuses);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MatchAsync_SameSbomBack_ReopensFixedFinding(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.LoadPathAsync(Corpus.File("osv/PYSEC-2023-74.json"));

        await harness.ImportAsync("py-app", OsvTestData.Sbom("pkg:pypi/requests@2.30.0"), "sbom-1.json");
        await harness.MatchOneAsync("py-app");
        await harness.ImportAsync("py-app", OsvTestData.Sbom("pkg:pypi/requests@2.31.0"), "sbom-2.json");
        await harness.MatchOneAsync("py-app");
        await harness.ImportAsync("py-app", OsvTestData.Sbom("pkg:pypi/requests@2.30.0"), "sbom-1b.json");
        var back = await harness.MatchOneAsync("py-app");

        OsvTestData.AssertCounts(back.Import, @new: 0, unchanged: 0, reopened: 1, closed: 0);
        Assert.Equal(FindingStatus.Open, Assert.Single(await harness.FindingsAsync("py-app")).Status);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MatchAsync_RecordWithdrawn_ClosesFinding(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.ImportAsync("java-app", OsvTestData.Sbom("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"), "sbom.json");
        await harness.LoadJsonAsync(OsvTestData.Log4Shell("2024-01-01T00:00:00Z"));
        var before = await harness.MatchOneAsync("java-app");

        await harness.LoadJsonAsync(OsvTestData.Log4Shell("2024-02-01T00:00:00Z", withdrawn: "2024-02-01T00:00:00Z"));
        var after = await harness.MatchOneAsync("java-app");

        OsvTestData.AssertCounts(before.Import, @new: 1, unchanged: 0, reopened: 0, closed: 0);
        OsvTestData.AssertCounts(after.Import, @new: 0, unchanged: 0, reopened: 0, closed: 1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MatchAsync_MavenVersionsAcrossRanges_FollowMavenOrder(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        // Hand-worked against the two ranges [2.0-beta9, 2.12.2) and [2.13.0, 2.15.0): 2.0-rc1 and 2.12.1 and 2.14.1 are
        // affected; 2.0-beta8, 2.12.2 (fixed), 2.12.4 (between the ranges) and 2.15.0 are not.
        string[] versions = ["2.0-beta8", "2.0-rc1", "2.12.1", "2.12.2", "2.12.4", "2.14.1", "2.15.0"];
        await harness.ImportAsync("java-app", OsvTestData.Sbom([.. versions.Select(v => $"pkg:maven/org.apache.logging.log4j/log4j-core@{v}")]), "sbom.json");
        await harness.LoadJsonAsync(OsvTestData.Log4Shell());

        await harness.MatchOneAsync("java-app");

        var affected = (await harness.FindingsAsync("java-app")).Select(f => $"{f.ComponentVersion}→{f.FixedVersion}").Order(StringComparer.Ordinal);
        Assert.Equal(["2.0-rc1→2.12.2", "2.12.1→2.12.2", "2.14.1→2.15.0"], affected);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MatchAsync_UnreadableInventoryVersion_IsCountedNotThrown(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.LoadPathAsync(Corpus.File("osv/PYSEC-2023-74.json"));
        await harness.ImportAsync("py-app", OsvTestData.Sbom("pkg:pypi/requests@not.a-version!", "pkg:pypi/requests@2.29.0"), "sbom.json");

        var match = await harness.MatchOneAsync("py-app");

        Assert.Equal((2, 1), (match.Components, match.UnparseableVersions));
        OsvTestData.AssertCounts(match.Import, @new: 1, unchanged: 0, reopened: 0, closed: 0); // 2.29.0 only
        Assert.Equal(2, match.SkippedGitRanges); // PYSEC-2023-74 has one GIT range, counted per component it was evaluated for
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MatchAsync_TwoRecordsOneCve_MakeOneFindingWithBothIds(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.LoadPathAsync(Corpus.File("osv/PYSEC-2023-74.json"));
        await harness.LoadJsonAsync(OsvTestData.RequestsGhsa);
        await harness.ImportAsync("py-app", OsvTestData.Sbom("pkg:pypi/requests@2.28.1"), "sbom.json");

        var match = await harness.MatchOneAsync("py-app");

        Assert.Equal((1, 0), (match.Import.Findings, match.Import.Duplicates));
        var finding = Assert.Single(await harness.FindingsAsync("py-app"));
        Assert.Equal("CVE-2023-32681 GHSA-j8r2-6x86-q33q PYSEC-2023-74", string.Join(' ', finding.VulnerabilityIds.Split(' ').Order(StringComparer.Ordinal)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MatchAsync_AllAssets_MatchesEachInventorySeparately(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.LoadPathAsync(Path.GetDirectoryName(Corpus.File("osv/PYSEC-2023-74.json"))!);
        await harness.ImportAsync("a", OsvTestData.Sbom("pkg:pypi/gradio@4.36.1"), "a.json");           // GHSA-9v2f listed version
        await harness.ImportAsync("b", OsvTestData.Sbom("pkg:pypi/123bla@0.0.1", "pkg:golang/stdlib@v1.22.4"), "b.json"); // MAL + GO

        var results = await harness.RunAsync<InventoryMatcher, IReadOnlyList<OsvMatchResult>>(m => m.MatchAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(["a:1", "b:2"], results.Select(r => $"{r.Asset}:{r.Import.New}"));
        var malicious = Assert.Single(await harness.FindingsAsync("b"), f => f.RuleId == "MAL-2024-10238");
        Assert.Equal(Severity.Critical, malicious.Severity);
    }
}
