using System.Text;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Testing;

namespace Rampart.Ingest.Tests.NpmAudit;

public sealed class NpmAuditReportTests
{
    /// <summary>
    /// Expected counts and severities, computed with jq. v1: one per advisory and distinct installed version,
    /// <c>jq '[.advisories[] | [.findings[].version] | unique | length] | add // 0'</c> and
    /// <c>jq -c '[.advisories[] | .severity as $s | [.findings[].version] | unique[] | $s] | group_by(.) | map({(.[0]): length}) | add'</c>;
    /// v2: one per advisory object in <c>via</c>, <c>jq '[.vulnerabilities[] | .via[] | objects] | length'</c>
    /// (the same count as <c>[… | "\(.name)|\(.source)"] | unique</c>: no advisory object is repeated) and
    /// <c>jq -c '[.vulnerabilities[] | .via[] | objects | .severity] | group_by(.) | map({(.[0]): length}) | add'</c>.
    /// </summary>
    public static TheoryData<string, int, int, int, int, int, int> Files => new()
    {
        // file, findings, Info, Low, Medium (moderate), High, Critical
        { "npm-audit/v1_many_vulns.json", 5, 0, 1, 1, 3, 0 },
        { "npm-audit/v1_multiple_cwes_large.json", 44, 0, 2, 25, 15, 2 },
        { "npm-audit/v1_no_vulns.json", 0, 0, 0, 0, 0, 0 },
        { "npm-audit/v2_many_vulns.json", 8, 0, 5, 2, 1, 0 },
        { "npm-audit/v2_no_vulns.json", 0, 0, 0, 0, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    [InlineData("npm-audit/v1_error.json", 0, 0, 0, 0, 0, 0)]
    public void Detect_CorpusFile_IsNpmAudit(string file, int count, int info, int low, int medium, int high, int critical)
    {
        _ = (count, info, low, medium, high, critical);

        Assert.Equal(ReportFormat.NpmAudit, ReportFile.DetectCorpus(file));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ReadAsync_CorpusFile_YieldsEveryAdvisoryWithSeverities(string file, int count, int info, int low, int medium, int high, int critical)
    {
        var outcome = await ReportFile.ReadCorpusAsync(file);

        Assert.Equal(count, outcome.Findings.Count);
        Assert.All(outcome.Findings, f => Assert.Equal((FindingKind.Vulnerability, "npm audit"), (f.Kind, f.Tool)));
        var severities = outcome.Findings.SeverityCounts();
        Assert.Equal([info, low, medium, high, critical], new[] { Severity.Info, Severity.Low, Severity.Medium, Severity.High, Severity.Critical }.Select(s => severities.GetValueOrDefault(s)));
        Assert.Equal(("npm audit", ReportFormat.NpmAudit), (outcome.Metadata.Tool, outcome.Metadata.Format));
    }

    [Fact]
    public async Task ReadAsync_ErrorObject_ThrowsQuotingNpm()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadCorpusAsync("npm-audit/v1_error.json"));

        Assert.Equal("v1_error.json", error.FileName);
        Assert.Equal(
            "npm audit failed: ENOAUDIT: Your configured registry (https://registry.npmjs.org/) may not support audit requests, or the audit endpoint may be temporarily unavailable.",
            error.Reason);
    }

    [Fact]
    public async Task ReadAsync_ErrorWithLongHostileSummary_ClipsIt()
    {
        var summary = "line one\u001b[31m\n" + new string('x', 1000);
        var escaped = summary.Replace("\u001b", "\\u001b", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        var report = "{\"error\":{\"code\":\"E403\",\"summary\":\"" + escaped + "\"}}";

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(report), "audit.json"));

        Assert.StartsWith("npm audit failed: E403: line one[31m x", error.Reason, StringComparison.Ordinal);
        Assert.True(error.Reason.Length < 340, $"the reason should be clipped, it has {error.Reason.Length} characters");
    }

    [Fact]
    public async Task ReadAsync_V1Advisory_MapsIdsPackageAndPatchedRange()
    {
        var outcome = await ReportFile.ReadCorpusAsync("npm-audit/v1_many_vulns.json");

        // jq '.advisories["106"]': negotiator 0.5.3 (path express>accepts>negotiator), CVE-2016-10539, high, CWE-400,
        // patched ">= 0.6.1", recommendation "Update to version 0.6.1 or later.", url nodesecurity.io (no GHSA), no cvss.
        var finding = outcome.Findings[0];
        Assert.Equal(("NPM-106", "Regular Expression Denial of Service"), (finding.RuleId, finding.Title));
        Assert.Equal(["CVE-2016-10539"], finding.VulnerabilityIds);
        Assert.Equal(("pkg:npm/negotiator@0.5.3", "negotiator", "0.5.3", ">= 0.6.1"), (finding.ComponentPurl, finding.ComponentName, finding.ComponentVersion, finding.FixedVersion));
        Assert.Equal((Severity.High, "Update to version 0.6.1 or later."), (finding.ToolSeverity, finding.Message));
        Assert.Equal(["CWE-400"], finding.Cwes);
        Assert.Empty(finding.CvssVectors);
        Assert.Equal([new Evidence("dependency path", "express>accepts>negotiator")], finding.Evidence);
        Assert.StartsWith("Affected versions of `negotiator` are vulnerable", finding.Description, StringComparison.Ordinal);
        Assert.Null(outcome.Metadata.ToolVersion);
    }

    [Fact]
    public async Task ReadAsync_V1AdvisoryOnTwoVersions_GivesOneFindingPerVersion()
    {
        var outcome = await ReportFile.ReadCorpusAsync("npm-audit/v1_multiple_cwes_large.json");

        // jq '.advisories[] | select(.id == 1059599)': ansi-regex, four findings[] at versions 3.0.0, 3.0.0, 4.1.0, 4.1.0;
        // cwe is the string "[\"CWE-918\",\"CWE-1333\"]"; GHSA-93q8-gq69-wqmw with CVE-2021-3807; cvss CVSS:3.0/…/A:H; title has a leading space.
        var findings = outcome.Findings.Where(f => f.RuleId == "NPM-1059599").ToList();
        Assert.Equal(["3.0.0", "4.1.0"], findings.Select(f => f.ComponentVersion));
        var first = findings[0];
        Assert.Equal("Inefficient Regular Expression Complexity in chalk/ansi-regex", first.Title);
        Assert.Equal(["GHSA-93q8-gq69-wqmw", "CVE-2021-3807"], first.VulnerabilityIds);
        Assert.Equal(["CWE-918", "CWE-1333"], first.Cwes);
        Assert.Equal(["CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"], first.CvssVectors);
        Assert.Equal((Severity.Medium, ">=5.0.1", "pkg:npm/ansi-regex@3.0.0"), (first.ToolSeverity, first.FixedVersion, first.ComponentPurl));
        // The two findings[] at 3.0.0 list 3 and 2 paths.
        Assert.Equal(5, first.Evidence.Count);
    }

    [Fact]
    public async Task ReadAsync_V1CweStringWithTwoIds_KeepsBoth()
    {
        var outcome = await ReportFile.ReadCorpusAsync("npm-audit/v1_multiple_cwes_large.json");

        // jq '.advisories[] | select(.cwe | contains("CWE-23"))': tar 4.4.8 (twice), cwe "[\"CWE-22\",\"CWE-23\"]".
        var tar = Assert.Single(outcome.Findings, f => f.RuleId == "NPM-1059737");
        Assert.Equal(["CWE-22", "CWE-23"], tar.Cwes);
        Assert.Equal(("tar", "4.4.8"), (tar.ComponentName, tar.ComponentVersion));
    }

    [Fact]
    public async Task ReadAsync_V2Report_CountsAdvisoryObjectsNotTransitiveNames()
    {
        var outcome = await ReportFile.ReadCorpusAsync("npm-audit/v2_many_vulns.json");

        // jq '.vulnerabilities.acorn': via[0] source 1488 "Regular Expression Denial of Service" moderate, range ">=5.5.0 <5.7.4 || …",
        // four nodes, fixAvailable true; the url is npmjs.com/advisories/1488, so there is no GHSA or CVE id.
        var acorn = Assert.Single(outcome.Findings, f => f.ComponentName == "acorn");
        Assert.Equal(("NPM-1488", "Regular Expression Denial of Service", Severity.Medium), (acorn.RuleId, acorn.Title, acorn.ToolSeverity));
        Assert.Empty(acorn.VulnerabilityIds);
        Assert.Equal(("pkg:npm/acorn", "node_modules/acorn"), (acorn.ComponentPurl, acorn.LocationPath));
        Assert.Null(acorn.ComponentVersion);
        Assert.Equal("Vulnerable versions: >=5.5.0 <5.7.4 || >=6.0.0 <6.4.1 || >=7.0.0 <7.1.1. A fix is available (npm audit fix).", acorn.Message);
        Assert.Equal(4, acorn.Evidence.Count);

        // gulp, gulp-cli, handlebars, mkdirp, optimist, sass-graph and yargs have only string via entries: no finding of their own;
        // node-sass has one advisory object (source 961) and the string "sass-graph".
        string[] transitive = ["gulp", "gulp-cli", "handlebars", "mkdirp", "optimist", "sass-graph", "yargs"];
        Assert.DoesNotContain(outcome.Findings, f => transitive.Contains(f.ComponentName));
        Assert.Equal("NPM-961", Assert.Single(outcome.Findings, f => f.ComponentName == "node-sass").RuleId);
    }

    [Fact]
    public async Task ReadAsync_V2GithubAdvisory_TakesGhsaFromUrlAndCweAndVector()
    {
        const string report = """
            {"auditReportVersion":2,"vulnerabilities":{
              "@babel/traverse":{"name":"@babel/traverse","severity":"critical","isDirect":false,"via":[
                {"source":1096897,"name":"@babel/traverse","dependency":"@babel/traverse","title":"Babel vulnerable to arbitrary code execution",
                 "url":"https://github.com/advisories/GHSA-67hx-6x53-jw92","severity":"critical","cwe":["CWE-184","CWE-697"],
                 "cvss":{"score":9.3,"vectorString":"CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"},"range":"<7.23.2"}],
               "effects":[],"range":"<7.23.2","nodes":["node_modules/@babel/traverse"],"fixAvailable":{"name":"@babel/core","version":"7.23.2","isSemVerMajor":false}}},
             "metadata":{"vulnerabilities":{"critical":1,"total":1}}}
            """;

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(report), "audit.json");

        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(["GHSA-67hx-6x53-jw92"], finding.VulnerabilityIds);
        Assert.Equal(["CWE-184", "CWE-697"], finding.Cwes);
        Assert.Equal(["CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"], finding.CvssVectors);
        Assert.Equal(("pkg:npm/%40babel/traverse", Severity.Critical), (finding.ComponentPurl, finding.ToolSeverity));
        Assert.Equal("Vulnerable versions: <7.23.2. Fix: install @babel/core@7.23.2.", finding.Message);
    }

    [Fact]
    public async Task Compute_NpmAuditAndOsvScannerOnSameAnsiRegex_GiveOneFingerprint()
    {
        var npm = await ReportFile.ReadCorpusAsync("npm-audit/v1_multiple_cwes_large.json");
        var osv = await ReportFile.ReadCorpusAsync("osv-scanner/javascript_raw-results.json");

        // Both files report GHSA-93q8-gq69-wqmw / CVE-2021-3807 on ansi-regex 3.0.0.
        var fromNpm = Assert.Single(npm.Findings, f => f.RuleId == "NPM-1059599" && f.ComponentVersion == "3.0.0");
        var fromOsv = Assert.Single(osv.Findings, f => f.ComponentName == "ansi-regex");
        Assert.Equal(FindingFingerprint.Compute(fromOsv), FindingFingerprint.Compute(fromNpm));
    }

    [Fact]
    public async Task ReadAsync_TruncatedReport_ThrowsWithFileAndLine()
    {
        var bytes = await File.ReadAllBytesAsync(Corpus.File("npm-audit/v1_multiple_cwes_large.json"), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(bytes[..(bytes.Length / 2)], "half-audit.json"));

        Assert.Contains("half-audit.json", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 100, $"the cut is far into the file, the error gave line {error.Line}");
    }

    [Theory]
    [InlineData("""{"advisories":[],"metadata":{}}""", "advisories must be an object")]
    [InlineData("""{"auditReportVersion":2,"vulnerabilities":{"acorn":"moderate"}}""", "each value of vulnerabilities must be an object")]
    [InlineData("""{"SchemaVersion":2,"Results":[]}""", "has neither \"advisories\"")]
    public async Task ReadAsync_WrongShape_ThrowsNamingFile(string report, string reason)
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(report), "bad-audit.json", ReportFormat.NpmAudit));

        Assert.Contains("bad-audit.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
