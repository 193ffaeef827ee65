using System.Text;
using Rampart.Core.Findings;
using Rampart.Testing;

namespace Rampart.Ingest.Tests.OsvScanner;

public sealed class OsvScannerReportTests
{
    /// <summary>
    /// Expected counts: <c>jq '[.results[].packages[].vulnerabilities[]] | length'</c> (the 0-byte file: 0).
    /// Expected severities were computed with a separate node script over the same files, using npm's <c>cvss</c>
    /// 1.0.5 package for base scores: <c>database_specific.severity</c>, else the highest CVSS_V3 base score, else the
    /// record's group <c>max_severity</c>, else the highest such rating of the group's other records for the package, else Info.
    /// </summary>
    public static TheoryData<string, int, int, int, int, int, int> Files => new()
    {
        // file, findings, Info, Low, Medium, High, Critical
        { "osv-scanner/empty_file.json", 0, 0, 0, 0, 0, 0 },
        { "osv-scanner/golang_raw-results.json", 23, 18, 0, 3, 2, 0 },
        { "osv-scanner/javascript_raw-results.json", 6, 0, 0, 3, 2, 1 },
        { "osv-scanner/many_findings.json", 66, 0, 0, 26, 30, 10 },
        { "osv-scanner/some_findings.json", 1, 1, 0, 0, 0, 0 },
    };

    [Theory]
    [InlineData("osv-scanner/golang_raw-results.json")]
    [InlineData("osv-scanner/javascript_raw-results.json")]
    [InlineData("osv-scanner/many_findings.json")]
    [InlineData("osv-scanner/some_findings.json")]
    public void Detect_CorpusFile_IsOsvScanner(string file) =>
        Assert.Equal(ReportFormat.OsvScanner, ReportFile.DetectCorpus(file));

    [Fact]
    public void Detect_ZeroByteOutput_AsksForTheFormat()
    {
        var error = Assert.Throws<ReportFormatException>(() => ReportFile.DetectCorpus("osv-scanner/empty_file.json"));

        Assert.Contains("--format", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_PromptfooResults_IsNotOsvScanner()
    {
        foreach (var file in Corpus.Folder("promptfoo"))
        {
            Assert.Equal(ReportFormat.Promptfoo, ReportFile.DetectCorpus(Path.Combine("promptfoo", Path.GetFileName(file))));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ReadAsync_CorpusFile_YieldsOneFindingPerPackageVulnerability(string file, int count, int info, int low, int medium, int high, int critical)
    {
        var outcome = await ReportFile.ReadCorpusAsync(file, ReportFormat.OsvScanner);

        Assert.Equal(count, outcome.Findings.Count);
        Assert.All(outcome.Findings, f => Assert.Equal((FindingKind.Vulnerability, "OSV-Scanner"), (f.Kind, f.Tool)));
        var severities = outcome.Findings.SeverityCounts();
        Assert.Equal([info, low, medium, high, critical], new[] { Severity.Info, Severity.Low, Severity.Medium, Severity.High, Severity.Critical }.Select(s => severities.GetValueOrDefault(s)));
        Assert.Equal("OSV-Scanner", outcome.Metadata.Tool);
    }

    [Fact]
    public async Task ReadAsync_WhitespaceOnly_IsAnEmptyScan()
    {
        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(" \r\n\t\n"), "osv.json", ReportFormat.OsvScanner);

        Assert.Empty(outcome.Findings);
        Assert.Equal("OSV-Scanner", outcome.Metadata.Tool);
    }

    [Fact]
    public async Task ReadAsync_MaliciousPackage_MapsIdsCweAndLocation()
    {
        var outcome = await ReportFile.ReadCorpusAsync("osv-scanner/some_findings.json");

        // jq '.results[0]': source /tmp/components/yarn.lock; flot-axis 0.0.0 (npm); MAL-2023-1035 aliases GHSA-8348-2q94-ffjx,
        // summary "Malicious code in flot-axis (npm)", affected[0].database_specific.cwes[0].cweId CWE-506, only an "introduced" event.
        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(["MAL-2023-1035", "GHSA-8348-2q94-ffjx"], finding.VulnerabilityIds);
        Assert.Equal("Malicious code in flot-axis (npm)", finding.Title);
        Assert.Equal(("pkg:npm/flot-axis@0.0.0", "flot-axis", "0.0.0"), (finding.ComponentPurl, finding.ComponentName, finding.ComponentVersion));
        Assert.Equal(["CWE-506"], finding.Cwes);
        Assert.Equal(("/tmp/components/yarn.lock", Severity.Info), (finding.LocationPath, finding.ToolSeverity));
        Assert.Null(finding.FixedVersion);
        Assert.Equal("/tmp/components/yarn.lock", outcome.Metadata.Scope);
    }

    [Fact]
    public async Task ReadAsync_GoModule_RatesFromGroupAndCorrelatesGroupMembers()
    {
        var outcome = await ReportFile.ReadCorpusAsync("osv-scanner/golang_raw-results.json");

        // golang.org/x/crypto 0.32.0: GO-2025-3487 (no rating; aliases CVE-2025-22869, GHSA-hcg3-q754-cr77) and GHSA-hcg3-q754-cr77
        // (HIGH, CWE-770) form one group with max_severity "7.5"; fixed 0.35.0; call analysis says GO-2025-3487 is not called.
        var go = Assert.Single(outcome.Findings, f => f.VulnerabilityIds[0] == "GO-2025-3487");
        var ghsa = Assert.Single(outcome.Findings, f => f.VulnerabilityIds[0] == "GHSA-hcg3-q754-cr77");
        Assert.Equal(["GO-2025-3487", "CVE-2025-22869", "GHSA-hcg3-q754-cr77"], go.VulnerabilityIds);
        Assert.Equal(("pkg:golang/golang.org/x/crypto@0.32.0", "0.35.0", Severity.High), (go.ComponentPurl, go.FixedVersion, go.ToolSeverity));
        Assert.Equal("osv-scanner call analysis: the vulnerable code is not called", go.Message);
        Assert.Equal(["CWE-770"], ghsa.Cwes);
        Assert.Equal(Severity.High, ghsa.ToolSeverity);
        Assert.Equal(["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"], ghsa.CvssVectors);
        Assert.Equal(FindingFingerprint.Compute(go), FindingFingerprint.Compute(ghsa));
        Assert.Equal(("./testdata/golang/go.mod", "./testdata/golang/go.mod"), (go.LocationPath, outcome.Metadata.Scope));
    }

    [Fact]
    public async Task ReadAsync_StdlibWithSeveralFixedLines_PicksTheFixAboveTheInstalledVersion()
    {
        var outcome = await ReportFile.ReadCorpusAsync("osv-scanner/golang_raw-results.json");

        // stdlib 1.23.4, GO-2025-3373: fixed 1.22.11, 1.23.5 and 1.24.0-rc.2; called: true; CVSS_V4 vector on GHSA-vvgc-356p-c3xw.
        var stdlib = Assert.Single(outcome.Findings, f => f.VulnerabilityIds[0] == "GO-2025-3373");
        Assert.Equal(("stdlib", "1.23.4", "1.23.5"), (stdlib.ComponentName, stdlib.ComponentVersion, stdlib.FixedVersion));
        Assert.Equal(["GO-2025-3373", "BIT-golang-2024-45341", "CVE-2024-45341"], stdlib.VulnerabilityIds);
        Assert.Null(stdlib.Message);
        var v4 = Assert.Single(outcome.Findings, f => f.VulnerabilityIds[0] == "GHSA-vvgc-356p-c3xw");
        Assert.Equal(["CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N"], v4.CvssVectors);
        Assert.Equal(Severity.Medium, v4.ToolSeverity);
    }

    [Fact]
    public async Task ReadAsync_ManySources_LocatesEachAndLeavesScopeOpen()
    {
        var outcome = await ReportFile.ReadCorpusAsync("osv-scanner/many_findings.json");

        // jq '.results | length' is 6 sources: no single scope.
        Assert.Null(outcome.Metadata.Scope);
        // django 3.2.4 (PyPI) in /tmpgapps/requirements.txt… : GHSA-2gwj-7jmv-h26r CRITICAL, CWE-89, fixed 2.2.28/3.2.13/4.0.4;
        // PYSEC-2022-190 (same group, no rating of its own) takes the group's CRITICAL and the same CVE-2022-28346.
        var ghsa = Assert.Single(outcome.Findings, f => f.VulnerabilityIds[0] == "GHSA-2gwj-7jmv-h26r");
        var pysec = Assert.Single(outcome.Findings, f => f.VulnerabilityIds[0] == "PYSEC-2022-190");
        Assert.Equal(("SQL Injection in Django", "pkg:pypi/django@3.2.4", "3.2.13"), (ghsa.Title, ghsa.ComponentPurl, ghsa.FixedVersion));
        Assert.Equal((Severity.Critical, Severity.Critical), (ghsa.ToolSeverity, pysec.ToolSeverity));
        Assert.Equal(["CWE-89"], ghsa.Cwes);
        Assert.Equal("PYSEC-2022-190 in django", pysec.Title);
        Assert.Equal(FindingFingerprint.Compute(ghsa), FindingFingerprint.Compute(pysec));

        var guzzle = outcome.Findings.Where(f => f.ComponentName == "guzzlehttp/guzzle").ToList();
        Assert.Equal(5, guzzle.Count);
        Assert.All(guzzle, f => Assert.Equal(("pkg:composer/guzzlehttp/guzzle@6.3.3", "/tmpcardmarket-api/composer.lock"), (f.ComponentPurl, f.LocationPath)));
    }

    [Fact]
    public async Task ReadAsync_GitSourcePackage_UsesCommitAsVersion()
    {
        var outcome = await ReportFile.ReadCorpusAsync("osv-scanner/many_findings.json");

        // Source /tmprengine/ (type git): package {name "", version "", commit f5f3c22…}; CVE-2023-50094, CVSS:3.1 …/PR:L/…/C:H/I:H/A:H (8.8), GIT range only.
        var finding = Assert.Single(outcome.Findings, f => f.VulnerabilityIds[0] == "CVE-2023-50094");
        Assert.Equal(("f5f3c22f3ed5a6804a2a8d9ee9fa43044cfa24a6", "/tmprengine/"), (finding.ComponentVersion, finding.LocationPath));
        Assert.Null(finding.ComponentName);
        Assert.Null(finding.ComponentPurl);
        Assert.Null(finding.FixedVersion);
        Assert.Equal((Severity.High, "CVE-2023-50094"), (finding.ToolSeverity, finding.Title));
    }

    [Fact]
    public async Task ReadAsync_NpmLockfile_PicksFixOfTheInstalledLine()
    {
        var outcome = await ReportFile.ReadCorpusAsync("osv-scanner/javascript_raw-results.json");

        // ansi-regex 3.0.0: GHSA-93q8-gq69-wqmw fixed 6.0.1, 5.0.1, 4.1.1, 3.0.1; HIGH; CWE-1333 and CWE-697; alias CVE-2021-3807.
        var finding = Assert.Single(outcome.Findings, f => f.ComponentName == "ansi-regex");
        Assert.Equal(("3.0.1", Severity.High), (finding.FixedVersion, finding.ToolSeverity));
        Assert.Equal(["GHSA-93q8-gq69-wqmw", "CVE-2021-3807"], finding.VulnerabilityIds);
        Assert.Equal(["CWE-1333", "CWE-697"], finding.Cwes);
        Assert.Equal("pkg:npm/ansi-regex@3.0.0", finding.ComponentPurl);
    }

    [Fact]
    public async Task ReadAsync_PackagesBeforeSource_AreLocatedAtTheSource()
    {
        const string report = """
            {"results":[{"packages":[{"package":{"name":"@babel/core","version":"7.0.0","ecosystem":"npm"},
              "vulnerabilities":[{"id":"GHSA-aaaa-bbbb-cccc","aliases":["CVE-2024-1"],"affected":[{"package":{"name":"@babel/core","ecosystem":"npm"},
                "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"7.1.0"}]}]}]}]}],
              "source":{"path":"/app/package-lock.json","type":"lockfile"}}]}
            """;

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(report), "osv.json");

        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(("/app/package-lock.json", "pkg:npm/%40babel/core@7.0.0", "7.1.0"), (finding.LocationPath, finding.ComponentPurl, finding.FixedVersion));
    }

    [Theory]
    [InlineData("11", Severity.Info)]
    [InlineData("-3", Severity.Info)]
    [InlineData("9.8", Severity.Critical)]
    public async Task ReadAsync_GroupMaxSeverityOutOfRange_IsIgnored(string maxSeverity, Severity expected)
    {
        var report = $$"""
            {"results":[{"source":{"path":"go.mod","type":"lockfile"},"packages":[{"package":{"name":"stdlib","version":"1.20.0","ecosystem":"Go"},
              "vulnerabilities":[{"id":"GO-2024-0001"}],"groups":[{"ids":["GO-2024-0001"],"max_severity":"{{maxSeverity}}"}]}]}]}
            """;

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(report), "osv.json");

        Assert.Equal(expected, Assert.Single(outcome.Findings).ToolSeverity);
    }

    [Fact]
    public async Task ReadAsync_TruncatedReport_ThrowsWithFileAndLine()
    {
        var bytes = await File.ReadAllBytesAsync(Corpus.File("osv-scanner/many_findings.json"), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(bytes[..(bytes.Length / 2)], "half-osv.json"));

        Assert.Contains("half-osv.json", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 100, $"the cut is far into the file, the error gave line {error.Line}");
    }

    [Theory]
    [InlineData("""{"results":{"source":{}}}""", "results must be an array")]
    [InlineData("""{"results":[{"packages":[42]}]}""", "each item of results[].packages must be an object")]
    [InlineData("""{"results":[{"packages":[{"package":{"name":"x"},"vulnerabilities":[{"summary":"no id"}]}]}]}""", "a vulnerability has no id")]
    [InlineData("""{"matches":[]}""", "has no \"results\"")]
    public async Task ReadAsync_WrongShape_ThrowsNamingFile(string report, string reason)
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(report), "bad-osv.json", ReportFormat.OsvScanner));

        Assert.Contains("bad-osv.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
