using System.Text;
using Rampart.Core.Findings;

namespace Rampart.Ingest.Tests;

public sealed class SarifReportTests
{
    [Fact]
    public async Task ReadAsync_CodeQlSqlInjection_KeepsRuleCweLocationAndFingerprint()
    {
        var outcome = await ReportFile.ReadCorpusAsync("sarif/codeql-2.20.4_javascript.sarif");

        // jq '.runs[0].results[] | select(.ruleId=="js/sql-injection")': core/appHandler.js:11, hash 3758794982546b55:1, column 19;
        // rule 22 is tagged external/cwe/cwe-089, cwe-090, cwe-943 and has security-severity 8.8.
        var finding = Assert.Single(outcome.Findings, f => f.RuleId == "js/sql-injection");
        Assert.Equal(FindingKind.Code, finding.Kind);
        Assert.Equal(["CWE-89", "CWE-90", "CWE-943"], finding.Cwes);
        Assert.Equal("core/appHandler.js", finding.LocationPath);
        Assert.Equal(11, finding.StartLine);
        Assert.Equal("primaryLocationLineHash=3758794982546b55:1;primaryLocationStartColumnFingerprint=19", finding.ToolFingerprint);
        Assert.Equal("Database query built from user-controlled sources", finding.Title);
        Assert.True(finding.ToolSeverity == Severity.High, $"security-severity 8.8 is High, got {finding.ToolSeverity}");
    }

    [Fact]
    public async Task ReadAsync_CodeQl_NamesToolAndVersion()
    {
        var outcome = await ReportFile.ReadCorpusAsync("sarif/codeql-2.20.4_javascript.sarif");

        Assert.Equal("CodeQL", outcome.Metadata.Tool);
        Assert.Equal("2.20.4", outcome.Metadata.ToolVersion);
        Assert.All(outcome.Findings, f => Assert.Equal("CodeQL", f.Tool));
    }

    [Fact]
    public async Task ReadAsync_CodeQlSecuritySeverity_WinsOverLevel()
    {
        var outcome = await ReportFile.ReadCorpusAsync("sarif/codeql-2.20.4_javascript.sarif");

        // Counted with python from each result's rule properties.security-severity (≥9 Critical, ≥7 High, ≥4 Medium).
        Assert.Equal(new Dictionary<Severity, int> { [Severity.Critical] = 4, [Severity.High] = 28, [Severity.Medium] = 3 }, outcome.Findings.SeverityCounts());
    }

    [Fact]
    public async Task ReadAsync_EslintInSourceSuppressions_AreSuppressed()
    {
        var outcome = await ReportFile.ReadCorpusAsync("sarif/eslint-8.56.0_with-suppressions.sarif");

        // jq '[.runs[].results[] | select(.suppressions | length > 0)] | length' gives 12 (kind inSource, no status).
        Assert.All(outcome.Findings, f => Assert.True(f.Suppressed, $"{f.RuleId} at line {f.StartLine} has an inSource suppression"));
    }

    [Fact]
    public async Task ReadAsync_EslintFileUri_StripsScheme()
    {
        var outcome = await ReportFile.ReadCorpusAsync("sarif/eslint-8.56.0_with-suppressions.sarif");

        Assert.Equal("/Users/davidbradshaw/dev/iframe-resizer/src/iframeResizer.contentWindow.js", outcome.Findings[0].LocationPath);
    }

    [Fact]
    public async Task ReadAsync_Bandit_UsesIssueSeverityAndLocation()
    {
        var outcome = await ReportFile.ReadCorpusAsync("sarif/bandit-1.9.3.sarif");

        // The one result: B307 at src/todoList.py:48, properties.issue_severity MEDIUM, no level.
        var finding = Assert.Single(outcome.Findings);
        Assert.Equal("B307", finding.RuleId);
        Assert.Equal(Severity.Medium, finding.ToolSeverity);
        Assert.Equal("src/todoList.py", finding.LocationPath);
        Assert.Equal(48, finding.StartLine);
    }

    [Fact]
    public async Task ReadAsync_BanditInvocation_GivesScanDate()
    {
        var outcome = await ReportFile.ReadCorpusAsync("sarif/bandit-1.9.3.sarif");

        Assert.Equal(new DateTimeOffset(2026, 2, 13, 22, 50, 8, TimeSpan.Zero), outcome.Metadata.ScanDate);
    }

    [Fact]
    public async Task ReadAsync_SnykOpenSource_IsDependencyVulnerabilityWithPackage()
    {
        var outcome = await ReportFile.ReadCorpusAsync("sarif/snyk-open-source-1.1294.0.sarif");

        // Rule SNYK-JS-COOKIE-8163060: fullDescription "(CVE-2024-47764) cookie@0.3.1", security-severity "6.3", tags CWE-79 and npm.
        var finding = Assert.Single(outcome.Findings, f => f.RuleId == "SNYK-JS-COOKIE-8163060");
        Assert.Equal(FindingKind.Vulnerability, finding.Kind);
        Assert.Equal(["CVE-2024-47764", "SNYK-JS-COOKIE-8163060"], finding.VulnerabilityIds);
        Assert.Equal("pkg:npm/cookie@0.3.1", finding.ComponentPurl);
        Assert.Equal("0.3.1", finding.ComponentVersion);
        Assert.Equal("0.7.0", finding.FixedVersion);
        Assert.Equal(["CWE-79"], finding.Cwes);
    }

    [Fact]
    public async Task ReadAsync_SnykSecuritySeverity_MapsScoreToBand()
    {
        var outcome = await ReportFile.ReadCorpusAsync("sarif/snyk-open-source-1.1294.0.sarif");

        // security-severity 6.3 (cookie) → Medium although level is "warning"; 7.5 (engine.io, twice) → High.
        Assert.Equal(new Dictionary<Severity, int> { [Severity.Medium] = 1, [Severity.High] = 2 }, outcome.Findings.SeverityCounts());
    }

    [Fact]
    public async Task ReadAsync_GosecRelationships_GiveCwe()
    {
        var outcome = await ReportFile.ReadCorpusAsync("sarif/gosec.sarif");

        // Rule G101 has a relationship to CWE taxon "798"; results carry ruleId only (no ruleIndex).
        var finding = Assert.Single(outcome.Findings, f => f.RuleId == "G101");
        Assert.Equal(["CWE-798"], finding.Cwes);
        Assert.Equal(Severity.High, finding.ToolSeverity);
    }

    [Fact]
    public async Task ReadAsync_SemgrepWordSecuritySeverity_MapsWord()
    {
        var outcome = await ReportFile.ReadCorpusAsync("sarif/semgrep-oss-1.69.0.sarif");

        // Semgrep OSS writes security-severity as CRITICAL/HIGH/MEDIUM; counted with python per result's rule.
        Assert.Equal(new Dictionary<Severity, int> { [Severity.Critical] = 34, [Severity.High] = 1, [Severity.Medium] = 42 }, outcome.Findings.SeverityCounts());
    }

    [Fact]
    public async Task ReadAsync_SemgrepLargeLongDescriptions_CapsTitleToOneLine()
    {
        var outcome = await ReportFile.ReadCorpusAsync("sarif/semgrep-0.17.0_owasp-benchmark_large.sarif");

        Assert.All(outcome.Findings, f => Assert.DoesNotContain('\n', f.Title));
        Assert.All(outcome.Findings, f => Assert.Equal(Severity.Medium, f.ToolSeverity)); // every rule used has level "warning"
    }

    [Fact]
    public async Task ReadAsync_ResultsBeforeTool_ResolvesRulesAfterBuffering()
    {
        var sarif = """
            {"version":"2.1.0","runs":[{
              "results":[{"ruleId":"R1","message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.cs"},"region":{"startLine":3}}}]}],
              "tool":{"driver":{"name":"Late","rules":[{"id":"R1","shortDescription":{"text":"Rule one"},"properties":{"tags":["CWE-22"],"security-severity":"9.1"}}]}}
            }]}
            """;

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(sarif), "late-tool.sarif");

        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(("Late", "Rule one", Severity.Critical), (finding.Tool, finding.Title, finding.ToolSeverity));
        Assert.Equal(["CWE-22"], finding.Cwes);
    }

    [Fact]
    public async Task ReadAsync_MessageId_ResolvesRuleMessageString()
    {
        var sarif = """
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T","rules":[{"id":"R","messageStrings":{"m1":{"text":"Value {0} flows to {1}."}}}]}},
              "results":[{"ruleIndex":0,"message":{"id":"m1","arguments":["x","sink"]},"suppressions":[{"kind":"external","status":"rejected"}]}]}]}
            """;

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(sarif), "message-id.sarif");

        var finding = Assert.Single(outcome.Findings);
        Assert.Equal("Value x flows to sink.", finding.Message);
        Assert.False(finding.Suppressed, "a rejected suppression does not suppress");
    }

    [Fact]
    public async Task ReadAsync_ExtensionRule_IsFoundThroughToolComponent()
    {
        var sarif = """
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"CodeQL","rules":[]},"extensions":[{"name":"pack","rules":[{"id":"js/x","shortDescription":{"text":"From the pack"}}]}]},
              "results":[{"ruleId":"js/x","rule":{"id":"js/x","index":0,"toolComponent":{"index":0}},"message":{"text":"m"},"level":"note"}]}]}
            """;

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(sarif), "extension.sarif");

        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(("From the pack", Severity.Low), (finding.Title, finding.ToolSeverity));
    }

    [Fact]
    public async Task ReadAsync_PassResult_IsNotAFinding()
    {
        var sarif = """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"}},"results":[{"ruleId":"R","kind":"pass","message":{"text":"ok"}}]}]}""";

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(sarif), "pass.sarif");

        Assert.Empty(outcome.Findings);
    }

    [Fact]
    public async Task ReadAsync_HostileText_IsCleanedAndCapped()
    {
        var longTitle = new string('A', 1000);
        var sarif = $$$"""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"}},"results":[{"ruleId":"R","message":{"text":"  line1\u0007\u202Eevil\r\nline2\t  "},"level":"error","rule":{"id":"R"}}]},{"tool":{"driver":{"name":"T","rules":[{"id":"R","shortDescription":{"text":"{{{longTitle}}}"}}]}},"results":[{"ruleId":"R","message":{"text":"m"}}]}]}""";

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(sarif), "hostile.sarif");

        Assert.Equal("line1evil\nline2", outcome.Findings[0].Message);
        Assert.Equal(300, outcome.Findings[1].Title.Length);
    }
}
