using System.Text;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;

namespace Rampart.Ingest.Tests.DependencyCheck;

public sealed class DependencyCheckReportTests
{
    /// <summary>
    /// Expected counts computed without the parser. JSON:
    /// <c>jq '[.dependencies[] | (.vulnerabilities // []) + (.suppressedVulnerabilities // []) | length] | add // 0' FILE</c>.
    /// XML: <c>python3 -c "import sys,xml.etree.ElementTree as E; print(sum(1 for e in E.parse(sys.argv[1]).iter()
    /// if e.tag.split('}')[-1] in ('vulnerability','suppressedVulnerability')))" FILE</c>.
    /// </summary>
    [Theory]
    [InlineData("dependency-check/dc-12.2.2_large.json", 44)]
    [InlineData("dependency-check/dc-8.2.1_no_vulns.json", 0)]
    [InlineData("dependency-check/dc-9.2.0.json", 83)]
    [InlineData("dependency-check/dc-6.5.3.xml", 1)]
    [InlineData("dependency-check/dc-6.5.3_empty.xml", 0)]
    [InlineData("dependency-check/dc-xml-schema-1.3_single_vuln.xml", 1)]
    public async Task ReadAsync_CorpusFile_YieldsEveryVulnerability(string file, int expected)
    {
        var outcome = await ReportFile.ReadCorpusAsync(file);

        Assert.Equal(ReportFormat.DependencyCheck, outcome.Metadata.Format);
        Assert.Equal(expected, outcome.Findings.Count);
        Assert.Equal("OWASP Dependency-Check", outcome.Metadata.Tool);
        Assert.All(outcome.Findings, f => Assert.Equal((FindingKind.Vulnerability, "OWASP Dependency-Check", false), (f.Kind, f.Tool, f.Suppressed)));
    }

    [Theory]
    [InlineData("dependency-check/dc-12.2.2_large.json")]
    [InlineData("dependency-check/dc-8.2.1_no_vulns.json")]
    [InlineData("dependency-check/dc-9.2.0.json")]
    [InlineData("dependency-check/dc-6.5.3.xml")]
    [InlineData("dependency-check/dc-6.5.3_empty.xml")]
    [InlineData("dependency-check/dc-xml-schema-1.3_single_vuln.xml")]
    public void Detect_CorpusFile_IsDependencyCheck(string file) =>
        Assert.Equal(ReportFormat.DependencyCheck, ReportFile.DetectCorpus(file));

    [Fact]
    public async Task ReadAsync_Json920_SeveritiesMatchTheReport()
    {
        var outcome = await ReportFile.ReadCorpusAsync("dependency-check/dc-9.2.0.json");

        // jq '[.dependencies[].vulnerabilities // [] | .[].severity] | group_by(.) | map({(.[0]): length}) | add'
        // gives {"CRITICAL":13,"HIGH":37,"MEDIUM":33}.
        var counts = outcome.Findings.SeverityCounts();
        Assert.Equal(new Dictionary<Severity, int> { [Severity.Critical] = 13, [Severity.High] = 37, [Severity.Medium] = 33 }, counts);
    }

    [Fact]
    public async Task ReadAsync_Json920FirstVulnerability_KeepsPackageVectorAndPath()
    {
        var outcome = await ReportFile.ReadCorpusAsync("dependency-check/dc-9.2.0.json");

        // jq '[.dependencies[] | select(.vulnerabilities)][0]': Django:1.11.29, packages[0].id pkg:pypi/django@1.11.29,
        // vulnerabilities[0] CVE-2022-28346 CRITICAL, cwes ["CWE-89"], cvssv3 3.1 AV:N AC:L PR:N UI:N S:U C:H I:H A:H.
        var finding = outcome.Findings[0];
        Assert.Equal(["CVE-2022-28346"], finding.VulnerabilityIds);
        Assert.Equal(("pkg:pypi/django@1.11.29", "django", "1.11.29"), (finding.ComponentPurl, finding.ComponentName, finding.ComponentVersion));
        Assert.Equal(["CWE-89"], finding.Cwes);
        Assert.Equal(["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"], finding.CvssVectors);
        Assert.Equal(Severity.Critical, finding.ToolSeverity);
        Assert.Equal("CVE-2022-28346 in django", finding.Title);
        Assert.Equal("/home/flo/Desktop/Git/dracon/components/producers/dependency-check/examples/requirements.txt:Django/1.11.29", finding.LocationPath);
        Assert.StartsWith("An issue was discovered in Django 2.2 before 2.2.28", finding.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Json920_FillsMetadataFromReport()
    {
        var outcome = await ReportFile.ReadCorpusAsync("dependency-check/dc-9.2.0.json");

        // scanInfo.engineVersion "9.2.0"; projectInfo.reportDate "2024-06-13T09:20:05.846059065Z"; projectInfo.name "".
        Assert.Equal("9.2.0", outcome.Metadata.ToolVersion);
        Assert.Equal(new DateTimeOffset(2024, 6, 13, 9, 20, 5, 846, TimeSpan.Zero), outcome.Metadata.ScanDate!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Null(outcome.Metadata.Scope);
    }

    [Fact]
    public async Task ReadAsync_Json1222_RebuildsV2AndV3VectorsFromMetrics()
    {
        var outcome = await ReportFile.ReadCorpusAsync("dependency-check/dc-12.2.2_large.json");

        // jq '.dependencies[] | select(.fileName|endswith(": bootstrap.js")) | .vulnerabilities[0]': CVE-2016-10735 with
        // cvssv3 3.0 N/L/N/REQUIRED/CHANGED/L/L/N (score 6.1) and cvssv2 2.0 NETWORK/MEDIUM/NONE/NONE/PARTIAL/NONE (score 4.3).
        var finding = outcome.Findings.First(f => f.VulnerabilityIds[0] == "CVE-2016-10735");
        Assert.Equal(["CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", "AV:N/AC:M/Au:N/C:N/I:P/A:N"], finding.CvssVectors);
        Assert.Equal(("pkg:javascript/bootstrap@3.3.7", "bootstrap", "3.3.7"), (finding.ComponentPurl, finding.ComponentName, finding.ComponentVersion));
        Assert.Equal(Severity.Medium, finding.ToolSeverity);
    }

    [Fact]
    public async Task ReadAsync_Json1222_KeepsGivenV4VectorAndToolSeverity()
    {
        var outcome = await ReportFile.ReadCorpusAsync("dependency-check/dc-12.2.2_large.json");

        // CVE-2025-67721 in aircompressor: severity "MEDIUM" although cvssv3.baseSeverity is "HIGH"; the tool's own rating wins.
        var finding = Assert.Single(outcome.Findings, f => f.VulnerabilityIds[0] == "CVE-2025-67721");
        Assert.Equal(Severity.Medium, finding.ToolSeverity);
        Assert.Equal(
            ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
             "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N/E:X/CR:X/IR:X/AR:X/MAV:X/MAC:X/MAT:X/MPR:X/MUI:X/MVC:X/MVI:X/MVA:X/MSC:X/MSI:X/MSA:X/S:X/AU:X/R:X/V:X/RE:X/U:X"],
            finding.CvssVectors);
        Assert.Equal(["CWE-125", "CWE-201"], finding.Cwes);
    }

    [Fact]
    public async Task ReadAsync_Json1222_KnownExploitedVulnerabilityBecomesEvidence()
    {
        var outcome = await ReportFile.ReadCorpusAsync("dependency-check/dc-12.2.2_large.json");

        // jq '[.. | objects | select(.knownExploitedVulnerability) | .name]' gives CVE-2020-11023 twice (jquery 2.2.3 and 3.2.1).
        var exploited = outcome.Findings.Where(f => f.Evidence.Count > 0).ToList();
        Assert.Equal([("CVE-2020-11023", "2.2.3.min"), ("CVE-2020-11023", "3.2.1")], exploited.Select(f => (f.VulnerabilityIds[0], f.ComponentVersion)));
        var evidence = Assert.Single(exploited[1].Evidence);
        Assert.Equal("CISA Known Exploited Vulnerability", evidence.Label);
        Assert.Contains("JQuery Cross-Site Scripting (XSS) Vulnerability.", evidence.Text, StringComparison.Ordinal);
        Assert.Contains("2025-01-23", evidence.Text, StringComparison.Ordinal);
        Assert.Contains("2025-02-13", evidence.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Json1222_FillsMetadataAndSeverities()
    {
        var outcome = await ReportFile.ReadCorpusAsync("dependency-check/dc-12.2.2_large.json");

        Assert.Equal(("12.2.2", "SchemaSpy Maven Plugin"), (outcome.Metadata.ToolVersion, outcome.Metadata.Scope));
        Assert.Equal(new DateTimeOffset(2026, 8, 2, 9, 5, 11, 928, TimeSpan.Zero), outcome.Metadata.ScanDate!.Value, TimeSpan.FromMilliseconds(1));

        // jq '[.dependencies[].vulnerabilities // [] | .[].severity | ascii_upcase] | group_by(.) | map({(.[0]): length}) | add'
        // gives {"HIGH":1,"LOW":4,"MEDIUM":39} (RetireJS writes "medium"/"low" in lower case).
        Assert.Equal(new Dictionary<Severity, int> { [Severity.High] = 1, [Severity.Medium] = 39, [Severity.Low] = 4 }, outcome.Findings.SeverityCounts());
    }

    [Fact]
    public async Task ReadAsync_Json1222RetireJsEntry_KeepsNonCveName()
    {
        var outcome = await ReportFile.ReadCorpusAsync("dependency-check/dc-12.2.2_large.json");

        // RetireJS names some entries in prose: "Bootstrap before 4.0.0 is end-of-life and no longer maintained." (severity "low").
        var findings = outcome.Findings.Where(f => f.VulnerabilityIds[0].StartsWith("Bootstrap before 4.0.0", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal((Severity.Low, "bootstrap"), (f.ToolSeverity, f.ComponentName)));
        Assert.All(findings, f => Assert.Empty(f.CvssVectors));
    }

    [Fact]
    public async Task ReadAsync_Json1222DependencyWithoutPackage_TakesNameAndVersionFromFileName()
    {
        var outcome = await ReportFile.ReadCorpusAsync("dependency-check/dc-12.2.2_large.json");

        // fileName "jruby-stdlib-9.4.2.0.jar: bcprov-jdk18on-1.71.jar", packages absent, one vulnerability CVE-2023-33202.
        var finding = Assert.Single(outcome.Findings, f => f.VulnerabilityIds[0] == "CVE-2023-33202");
        Assert.Equal(((string?)null, "bcprov-jdk18on", "1.71"), (finding.ComponentPurl, finding.ComponentName, finding.ComponentVersion));
        Assert.EndsWith("/bcprov-jdk18on/1.71/bcprov-jdk18on-1.71.jar", finding.LocationPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Json1222TwoPackagesOfEqualConfidence_PrefersTheOneTheFileIsNamedAfter()
    {
        var outcome = await ReportFile.ReadCorpusAsync("dependency-check/dc-12.2.2_large.json");

        // fileName "schemaspy-7.0.2.jar: jquery-ui.js" (and jquery-ui.min.js) lists pkg:javascript/jquery-ui-dialog@1.11.4
        // then pkg:javascript/jquery-ui@1.11.4, both HIGHEST; CVE-2016-7103 is in both files.
        var findings = outcome.Findings.Where(f => f.VulnerabilityIds[0] == "CVE-2016-7103").ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("pkg:javascript/jquery-ui@1.11.4", f.ComponentPurl));
    }

    [Fact]
    public async Task ReadAsync_Xml653_MapsCvssBlocksAndPackage()
    {
        var outcome = await ReportFile.ReadCorpusAsync("dependency-check/dc-6.5.3.xml");

        // The one <vulnerability source="NVD">: CVE-2020-9488, severity LOW, cvssV2 (2.0) N/M/NONE/P/N/N, cvssV3 (3.1)
        // N/H/N/N/U/L/N/N, cwes/cwe CWE-295, in package pkg:maven/org.apache.logging.log4j/log4j-api@2.12.4.
        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(["CVE-2020-9488"], finding.VulnerabilityIds);
        Assert.Equal(Severity.Low, finding.ToolSeverity);
        Assert.Equal(["CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N", "AV:N/AC:M/Au:N/C:P/I:N/A:N"], finding.CvssVectors);
        Assert.Equal(["CWE-295"], finding.Cwes);
        Assert.Equal(("pkg:maven/org.apache.logging.log4j/log4j-api@2.12.4", "log4j-api", "2.12.4"), (finding.ComponentPurl, finding.ComponentName, finding.ComponentVersion));
        Assert.Equal("/home/damien/vulnerabilities/apache-log4j-2.12.4-bin/log4j-api-2.12.4.jar", finding.LocationPath);
        Assert.Equal("6.5.3", outcome.Metadata.ToolVersion);
        Assert.Equal(new DateTimeOffset(2022, 1, 15, 14, 31, 13, 42, TimeSpan.Zero), outcome.Metadata.ScanDate!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task ReadAsync_XmlEmpty_ReadsMetadataOnly()
    {
        var outcome = await ReportFile.ReadCorpusAsync("dependency-check/dc-6.5.3_empty.xml");

        Assert.Empty(outcome.Findings);
        Assert.Equal("6.5.3", outcome.Metadata.ToolVersion);
        Assert.Equal(new DateTimeOffset(2022, 1, 22, 13, 40, 32, 740, TimeSpan.Zero), outcome.Metadata.ScanDate!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task ReadAsync_XmlSchema13_ReadsFlatCvssAndModerateSeverity()
    {
        var outcome = await ReportFile.ReadCorpusAsync("dependency-check/dc-xml-schema-1.3_single_vuln.xml");

        // Schema 1.3 (namespace dependency-check.1.3.xsd): cvssAccessVector NETWORK, cvssAccessComplexity LOW,
        // cvssAuthenticationr NONE, C/I/A PARTIAL, severity "Moderate", cwe "CWE-00 Bad Vulnerability", no package purl.
        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(["CVE-0000-0001"], finding.VulnerabilityIds);
        Assert.Equal(Severity.Medium, finding.ToolSeverity);
        Assert.Equal(["AV:N/AC:L/Au:N/C:P/I:P/A:P"], finding.CvssVectors);
        Assert.Empty(finding.Cwes);
        Assert.Equal(((string?)null, "component2.dll", (string?)null), (finding.ComponentPurl, finding.ComponentName, finding.ComponentVersion));
        Assert.Equal(@"C:\\Projectestproject\\libraries\\component2.dll", finding.LocationPath);
        Assert.Equal("Description of a bad vulnerability.", finding.Description);
        Assert.Equal("Test Project", outcome.Metadata.Scope);
        Assert.Null(outcome.Metadata.ToolVersion);
        Assert.Equal(new DateTimeOffset(2016, 11, 5, 14, 52, 15, 748, TimeSpan.FromHours(-4)), outcome.Metadata.ScanDate);
    }

    [Fact]
    public async Task ReadAsync_SuppressedVulnerabilities_AreMarkedSuppressed()
    {
        var json = """
            {"reportSchema":"1.1","scanInfo":{"engineVersion":"10.0.0"},"projectInfo":{"name":"p","reportDate":"2024-01-01T00:00:00Z"},
             "dependencies":[{"fileName":"a-1.0.jar","filePath":"/x/a-1.0.jar","packages":[{"id":"pkg:maven/g/a@1.0","confidence":"HIGH"}],
               "vulnerabilities":[{"source":"NVD","name":"CVE-2024-0001","severity":"HIGH"}],
               "suppressedVulnerabilities":[{"source":"NVD","name":"CVE-2024-0002","severity":"LOW","notes":"not used"}]}]}
            """;
        var xml = """
            <?xml version="1.0"?>
            <analysis xmlns="https://jeremylong.github.io/DependencyCheck/dependency-check.3.1.xsd">
              <dependencies><dependency><fileName>a-1.0.jar</fileName><filePath>/x/a-1.0.jar</filePath>
                <identifiers><package confidence="HIGH"><id>pkg:maven/g/a@1.0</id></package></identifiers>
                <vulnerabilities>
                  <vulnerability source="NVD"><name>CVE-2024-0001</name><severity>HIGH</severity></vulnerability>
                  <suppressedVulnerability source="NVD"><name>CVE-2024-0002</name><severity>LOW</severity></suppressedVulnerability>
                </vulnerabilities></dependency></dependencies>
            </analysis>
            """;

        foreach (var content in new[] { json, xml })
        {
            var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(content), "suppressed", ReportFormat.DependencyCheck);

            Assert.Equal(
                [("CVE-2024-0001", false, Severity.High), ("CVE-2024-0002", true, Severity.Low)],
                outcome.Findings.Select(f => (f.VulnerabilityIds[0], f.Suppressed, f.ToolSeverity)));
            Assert.All(outcome.Findings, f => Assert.Equal(("pkg:maven/g/a@1.0", "a", "1.0"), (f.ComponentPurl, f.ComponentName, f.ComponentVersion)));
        }
    }

    [Fact]
    public async Task ReadAsync_V3MetricsWithoutVersion_BuildsNoVector()
    {
        var json = """
            {"reportSchema":"1.1","dependencies":[{"fileName":"a.jar","vulnerabilities":[{"name":"CVE-2024-0001",
              "cvssv3":{"baseScore":9.8,"attackVector":"NETWORK","attackComplexity":"LOW","privilegesRequired":"NONE","userInteraction":"NONE",
                        "scope":"UNCHANGED","confidentialityImpact":"HIGH","integrityImpact":"HIGH","availabilityImpact":"HIGH"}}]}]}
            """;

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(json), "noversion.json", ReportFormat.DependencyCheck);

        var finding = Assert.Single(outcome.Findings);
        Assert.Empty(finding.CvssVectors);
        Assert.Equal(Severity.Critical, finding.ToolSeverity); // from the score, since there is no severity word
    }

    [Fact]
    public async Task ReadAsync_AbsurdScore_IsIgnored()
    {
        var json = """{"reportSchema":"1.1","dependencies":[{"fileName":"a.jar","vulnerabilities":[{"name":"CVE-2024-0001","cvssv3":{"baseScore":11}}]}]}""";

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(json), "absurd.json", ReportFormat.DependencyCheck);

        Assert.Equal(Severity.Info, Assert.Single(outcome.Findings).ToolSeverity);
    }

    [Theory]
    [InlineData("dependency-check/dc-9.2.0.json")]
    [InlineData("dependency-check/dc-6.5.3.xml")]
    public async Task ReadAsync_TruncatedReport_ThrowsWithFileAndLine(string file)
    {
        var bytes = await File.ReadAllBytesAsync(Rampart.Testing.Corpus.File(file), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ReportFormatException>(
            () => ReportFile.ReadBytesAsync(bytes[..(bytes.Length * 2 / 3)], "cut-dc", ReportFormat.DependencyCheck));

        Assert.StartsWith("cut-dc:", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 1, $"expected the line where the file ends, got {error.Line}");
    }

    [Theory]
    [InlineData("""{"reportSchema":"1.1","dependencies":"none"}""", "dependencies must be an array")]
    [InlineData("""{"reportSchema":"1.1","dependencies":[{"fileName":"a.jar","vulnerabilities":{"name":"CVE-2024-0001"}}]}""", "vulnerabilities must be an array")]
    [InlineData("""{"reportSchema":"1.1","dependencies":[42]}""", "must be an object")]
    [InlineData("""{"runs":[]}""", "not a valid Dependency-Check JSON report")]
    [InlineData("""[1,2]""", "not a valid Dependency-Check JSON report")]
    [InlineData("""<bom xmlns="http://cyclonedx.org/schema/bom/1.5"/>""", "not a valid Dependency-Check XML report")]
    public async Task ReadAsync_WrongShape_ThrowsReportFormatException(string content, string reason)
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(
            () => ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(content), "shape", ReportFormat.DependencyCheck));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal("shape", error.FileName);
    }

    [Fact]
    public async Task ReadAsync_ZapReportForcedAsDependencyCheck_Throws()
    {
        var bytes = await File.ReadAllBytesAsync(Rampart.Testing.Corpus.File("zap/zap-2.14.0_baseline.json"), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(bytes, "zap.json", ReportFormat.DependencyCheck));

        Assert.Contains("not a valid Dependency-Check JSON report", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_XmlInSmallChunksWithBom_ReadsTheSame()
    {
        var bytes = await File.ReadAllBytesAsync(Rampart.Testing.Corpus.File("dependency-check/dc-6.5.3.xml"), TestContext.Current.CancellationToken);
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. bytes];

        var outcome = await ReportFile.ReadAsync(new ForwardOnlyStream(new MemoryStream(withBom), 1), "bom.xml", ReportFormat.DependencyCheck);

        Assert.Equal(["CVE-2020-9488"], Assert.Single(outcome.Findings).VulnerabilityIds);
    }
}
