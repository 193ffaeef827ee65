using System.Text;
using Rampart.Core.Findings;

namespace Rampart.Ingest.Tests.CycloneDx;

public sealed class CycloneDxReportTests
{
    [Fact]
    public async Task ReadAsync_GrypeLog4j_ResolvesAffectsToComponentPurl()
    {
        var outcome = await ReportFile.ReadCorpusAsync("cyclonedx/cdx-1.4_grype-0.41.0_log4j.json");

        // affects[].ref "pkg:maven/…log4j-core@2.13.2?package-id=5f39f8a11642bede" is the bom-ref of the only component.
        var finding = Assert.Single(outcome.Findings, f => f.VulnerabilityIds.Contains("CVE-2021-44228"));
        Assert.Equal(FindingKind.Vulnerability, finding.Kind);
        Assert.Equal("pkg:maven/org.apache.logging.log4j/log4j-core@2.13.2", finding.ComponentPurl);
        Assert.Equal(("log4j-core", "2.13.2"), (finding.ComponentName, finding.ComponentVersion));
        Assert.Equal("grype", finding.Tool);
    }

    [Fact]
    public async Task ReadAsync_GrypeLog4jRatings_GiveVectorsAndHighestSeverity()
    {
        var outcome = await ReportFile.ReadCorpusAsync("cyclonedx/cdx-1.4_grype-0.41.0_log4j.json");

        // ratings: {severity: critical}, {method: CVSSv2, vector AV:N/AC:M/Au:N/C:C/I:C/A:C}, {method: CVSSv31, vector CVSS:3.1/…}.
        var finding = Assert.Single(outcome.Findings, f => f.VulnerabilityIds.Contains("CVE-2021-44228"));
        Assert.Equal(["AV:N/AC:M/Au:N/C:C/I:C/A:C", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"], finding.CvssVectors);
        Assert.Equal(Severity.Critical, finding.ToolSeverity);
    }

    [Fact]
    public async Task ReadAsync_GrypeLog4j_NamesToolAndTimestamp()
    {
        var outcome = await ReportFile.ReadCorpusAsync("cyclonedx/cdx-1.4_grype-0.41.0_log4j.json");

        Assert.Equal(("grype", "0.41.0"), (outcome.Metadata.Tool, outcome.Metadata.ToolVersion));
        Assert.Equal(new DateTimeOffset(2022, 7, 22, 9, 45, 32, TimeSpan.FromHours(1)), outcome.Metadata.ScanDate);
    }

    [Fact]
    public async Task ReadAsync_Trivy15_GivesOneFindingPerAffectedComponent()
    {
        var outcome = await ReportFile.ReadCorpusAsync("cyclonedx/cdx-1.5_trivy-0.48.1.json");

        // jq '.vulnerabilities[] | select(.id=="CVE-2022-27943") | .affects | length' gives 3.
        var components = outcome.Findings.Where(f => f.VulnerabilityIds.Contains("CVE-2022-27943")).Select(f => f.ComponentName).ToList();
        Assert.Equal(["gcc-12-base", "libgcc-s1", "libstdc++6"], components);
    }

    [Fact]
    public async Task ReadAsync_Trivy15_SeverityIsHighestRating()
    {
        var outcome = await ReportFile.ReadCorpusAsync("cyclonedx/cdx-1.5_trivy-0.48.1.json");

        // Counted with python: the highest ratings[].severity per vulnerability ("none"/"unknown" as info), once per affects entry.
        Assert.Equal(new Dictionary<Severity, int> { [Severity.High] = 5, [Severity.Medium] = 7, [Severity.Low] = 2 }, outcome.Findings.SeverityCounts());
    }

    [Fact]
    public async Task ReadAsync_Trivy16ToolsAsComponents_GivesToolCweAndFixedVersion()
    {
        var outcome = await ReportFile.ReadCorpusAsync("cyclonedx/cdx-1.6_trivy_npm.json");

        // metadata.tools is {components:[{name: trivy, version: dev}]}; recommendation "Upgrade jquery to version 3.4.0"; cwes [79].
        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(("trivy", "dev"), (outcome.Metadata.Tool, outcome.Metadata.ToolVersion));
        Assert.Equal("pkg:npm/jquery@3.3.9", finding.ComponentPurl);
        Assert.Equal("3.4.0", finding.FixedVersion);
        Assert.Equal(["CWE-79"], finding.Cwes);
    }

    [Fact]
    public async Task ReadAsync_VexNotAffected_IsSuppressedAndResolvesMetadataComponent()
    {
        var outcome = await ReportFile.ReadCorpusAsync("cyclonedx/cdx-1.4_vex_cisa-use-case-2.json");

        // All 19 analyses are not_affected; affects ref "product-ABC" is metadata.component (ABC 4.2); no components array.
        Assert.All(outcome.Findings, f => Assert.True(f.Suppressed, $"{f.VulnerabilityIds[0]} is not_affected"));
        Assert.All(outcome.Findings, f => Assert.Equal(("ABC", "4.2"), (f.ComponentName, f.ComponentVersion)));
    }

    [Fact]
    public async Task ReadAsync_VexVectorWithoutPrefix_GetsPrefixFromMethod()
    {
        var outcome = await ReportFile.ReadCorpusAsync("cyclonedx/cdx-1.4_vex_cisa-use-case-2.json");

        // CVE-2020-11896: method CVSSv31, vector "AV:N/AC:L/…" without "CVSS:3.1/".
        var finding = Assert.Single(outcome.Findings, f => f.VulnerabilityIds.Contains("CVE-2020-11896"));
        Assert.StartsWith("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", Assert.Single(finding.CvssVectors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_VulnerabilitiesBeforeComponents_ResolvesAfterBuffering()
    {
        var bom = """
            {"bomFormat":"CycloneDX","specVersion":"1.5",
             "vulnerabilities":[{"id":"cve-2024-0001","references":[{"id":"GHSA-AAAA-bbbb-cccc"},{"id":"CVE-2024-0001"}],
               "ratings":[{"method":"CVSSv4","vector":"AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N","severity":"high"}],
               "affects":[{"ref":"c1","versions":[{"version":"2.0.1","status":"unaffected"}]}]},
              {"id":"OSV-1","ratings":[{"score":9.8}]}],
             "components":[{"bom-ref":"c1","name":"lib","version":"2.0.0","purl":"pkg:pypi/lib@2.0.0"}]}
            """;

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(bom), "late-components.json");

        Assert.Equal(2, outcome.Findings.Count);
        var first = outcome.Findings[0];
        Assert.Equal(["CVE-2024-0001", "GHSA-aaaa-bbbb-cccc"], first.VulnerabilityIds);
        Assert.Equal(("pkg:pypi/lib@2.0.0", "2.0.1"), (first.ComponentPurl, first.FixedVersion));
        Assert.Equal(["CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"], first.CvssVectors);
        var unaffecting = outcome.Findings[1];
        Assert.Equal((null, Severity.Critical), (unaffecting.ComponentName, unaffecting.ToolSeverity)); // no affects: one finding, severity from score
    }

    [Fact]
    public async Task ReadAsync_SbomWithoutVulnerabilities_YieldsNothingButNamesTool()
    {
        var outcome = await ReportFile.ReadCorpusAsync("cyclonedx/cdx-1.4_cyclonedx-npm_juice-shop_large.json");

        Assert.Empty(outcome.Findings);
        Assert.Equal("cyclonedx-library", outcome.Metadata.Tool);
    }

    [Fact]
    public async Task ReadAsync_VexNotAffected_GivesNotAffectedStatusAndSubjectAsScope()
    {
        var outcome = await ReportFile.ReadCorpusAsync("cyclonedx/cdx-1.4_vex_cisa-use-case-2.json");

        // jq '[.vulnerabilities[].analysis.state] | unique' gives ["not_affected"]; metadata.component.name is "ABC".
        Assert.All(outcome.Findings, f => Assert.Equal(FindingStatus.NotAffected, f.AnalysisStatus));
        Assert.Equal("ABC", outcome.Metadata.Scope);
        Assert.Empty(outcome.Metadata.Components); // the subject is not part of its own inventory
    }

    [Fact]
    public async Task ReadAsync_GrypeInTriage_LeavesAnalysisStatusOpen()
    {
        var outcome = await ReportFile.ReadCorpusAsync("cyclonedx/cdx-1.4_grype-0.41.0_log4j.json");

        // Every analysis.state is "in_triage": the report states nothing the import should apply.
        Assert.All(outcome.Findings, f => Assert.Null(f.AnalysisStatus));
        Assert.All(outcome.Findings, f => Assert.False(f.Suppressed));
    }

    [Theory]
    [InlineData("not_affected", FindingStatus.NotAffected, true)]
    [InlineData("false_positive", FindingStatus.FalsePositive, true)]
    [InlineData("resolved", FindingStatus.Fixed, false)]
    [InlineData("resolved_with_pedigree", FindingStatus.Fixed, false)]
    [InlineData("exploitable", null, false)]
    [InlineData("in_triage", null, false)]
    public async Task ReadAsync_AnalysisState_MapsToStatus(string state, FindingStatus? expected, bool suppressed)
    {
        var bom = $$$"""{"bomFormat":"CycloneDX","specVersion":"1.5","metadata":{},"components":[],"vulnerabilities":[{"id":"CVE-2024-1","analysis":{"state":"{{{state}}}"}}]}""";

        var finding = Assert.Single((await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(bom), "vex.json")).Findings);

        Assert.Equal((expected, suppressed), (finding.AnalysisStatus, finding.Suppressed));
    }

    [Theory]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("\"ten\"")]
    public async Task ReadAsync_ScoreOutOfRangeOrNotANumber_IsIgnored(string score)
    {
        var bom = $$"""{"bomFormat":"CycloneDX","vulnerabilities":[{"id":"CVE-2024-1","ratings":[{"score":{{score}}},{"score":5.0}]}]}""";

        var finding = Assert.Single((await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(bom), "score.json")).Findings);

        Assert.Equal(Severity.Medium, finding.ToolSeverity); // from the valid 5.0 only
    }

    [Fact]
    public async Task ReadAsync_ComponentsNotAnArray_SaysWhereAndWhat()
    {
        var bom = "{\"bomFormat\":\"CycloneDX\",\n\"components\": \"none\"}";

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(bom), "shape.json", ReportFormat.CycloneDx));

        Assert.Contains("components must be an array", error.Reason, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }
}
