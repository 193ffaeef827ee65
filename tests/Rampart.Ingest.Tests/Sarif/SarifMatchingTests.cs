using System.Text;
using Rampart.Core.Findings;

namespace Rampart.Ingest.Tests.Sarif;

/// <summary>What SARIF gives for matching a result across scans: snippets, fingerprints, baseline state, scope.</summary>
public sealed class SarifMatchingTests
{
    private const string Rules = """
        {"id":"R","shortDescription":{"text":"Rule"}}
        """;

    /// <summary>
    /// Counted with Python's json module on each file, independently of the reader: results whose first location has
    /// <c>region.snippet.text</c> or <c>contextRegion.snippet.text</c> (non-blank), and distinct keys
    /// (ruleId, path, all partialFingerprints else fingerprints, else the whitespace-collapsed snippet, else startLine);
    /// for Snyk (dependency results) distinct (CVE, package, version). No file has automationDetails or baselineState
    /// (<c>jq '[.runs[] | .automationDetails, (.results[]?.baselineState)] | map(select(.)) | length'</c> gives 0).
    /// </summary>
    public static TheoryData<string, int, int> Files => new()
    {
        { "sarif/bandit-1.9.3.sarif", 1, 1 },
        { "sarif/codeql-2.20.4_javascript.sarif", 0, 35 },
        { "sarif/codeql-lgtm-1.24_empty.sarif", 0, 0 },
        { "sarif/eslint-8.56.0_with-suppressions.sarif", 0, 12 },
        { "sarif/gosec.sarif", 21, 21 },
        { "sarif/semgrep-0.17.0_owasp-benchmark_large.sarif", 0, 1768 },
        { "sarif/semgrep-oss-1.69.0.sarif", 77, 77 },
        { "sarif/snyk-open-source-1.1294.0.sarif", 0, 3 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ReadAsync_CorpusFile_GivesSnippetsAndDistinctFingerprints(string file, int withSnippet, int distinct)
    {
        var outcome = await ReportFile.ReadCorpusAsync(file);

        Assert.Equal(withSnippet, outcome.Findings.Count(f => f.Snippet is not null));
        Assert.Equal(distinct, outcome.Findings.Select(FindingFingerprint.Compute).Distinct(StringComparer.Ordinal).Count());
        Assert.Null(outcome.Metadata.Scope);
        Assert.All(outcome.Findings, f => Assert.True(f.Snippet is null || (f.Snippet.Length <= 500 && !f.Snippet.Contains('\n', StringComparison.Ordinal))));
    }

    [Fact]
    public async Task ReadAsync_Gosec_TakesRegionSnippet()
    {
        var outcome = await ReportFile.ReadCorpusAsync("sarif/gosec.sarif");

        // jq '.runs[0].results[] | select(.locations[0].physicalLocation.region.startLine==106)': G404, "token := rand.Int()".
        var finding = Assert.Single(outcome.Findings, f => f is { LocationPath: "main.go", StartLine: 106 });
        Assert.Equal(("G404", "token := rand.Int()"), (finding.RuleId, finding.Snippet));
        Assert.Equal("code|G404|main.go|snippet:token := rand.Int()", FindingFingerprint.CanonicalKey(finding));
    }

    [Fact]
    public async Task ReadAsync_Bandit_TrimsRegionSnippet()
    {
        var outcome = await ReportFile.ReadCorpusAsync("sarif/bandit-1.9.3.sarif");

        // region.snippet.text is "    eval(\"print('hola')\")\n"; the contextRegion (lines 47–49) is not used when the region has one.
        Assert.Equal("eval(\"print('hola')\")", Assert.Single(outcome.Findings).Snippet);
    }

    [Fact]
    public async Task ReadAsync_SemgrepLongSnippet_IsCollapsedAndClipped()
    {
        var outcome = await ReportFile.ReadCorpusAsync("sarif/semgrep-oss-1.69.0.sarif");

        // jq '[.runs[0].results[].locations[0].physicalLocation.region.snippet.text | length] | max' gives 6796.
        Assert.Equal(500, outcome.Findings.Max(f => f.Snippet!.Length));
        var multiLine = outcome.Findings.First(f => f.Snippet!.StartsWith("const trainingData = require(", StringComparison.Ordinal));
        Assert.Equal("const trainingData = require(`data/chatbot/${utils.extractFilename( config.get('application.chatBot.trainingData') )}`)", multiLine.Snippet);
    }

    [Fact]
    public async Task ReadAsync_CodeQlTwoResultsOnOneLine_StayTwoFindings()
    {
        var outcome = await ReportFile.ReadCorpusAsync("sarif/codeql-2.20.4_javascript.sarif");

        // routes/app.js:52 has two js/missing-rate-limiting results with primaryLocationLineHash 24f27f90b15c5b29:1;
        // their primaryLocationStartColumnFingerprint differs (21 and 50).
        var results = outcome.Findings.Where(f => f is { RuleId: "js/missing-rate-limiting", LocationPath: "routes/app.js", StartLine: 52 }).ToList();
        Assert.Equal(2, results.Count);
        Assert.NotEqual(FindingFingerprint.Compute(results[0]), FindingFingerprint.Compute(results[1]));
    }

    [Fact]
    public async Task ReadAsync_ContextRegionOnly_GivesSnippet()
    {
        var outcome = await ReadResultsAsync("""
            {"ruleId":"R","message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.c"},
              "region":{"startLine":3},"contextRegion":{"startLine":2,"endLine":4,"snippet":{"text":"int a;\n\tchar  *p = gets(buf);\r\n}\n"}}}}]}
            """);

        Assert.Equal("int a; char *p = gets(buf); }", Assert.Single(outcome.Findings).Snippet);
    }

    [Theory]
    [InlineData("new", 1)]
    [InlineData("unchanged", 1)]
    [InlineData("updated", 1)]
    [InlineData("absent", 0)]
    public async Task ReadAsync_BaselineState_SkipsAbsentResults(string state, int expected)
    {
        var outcome = await ReadResultsAsync($$"""{"ruleId":"R","message":{"text":"m"},"baselineState":"{{state}}"}""");

        Assert.Equal(expected, outcome.Findings.Count);
    }

    [Theory]
    [InlineData("nightly-scan/api/2024-05-01", "nightly-scan/api")]
    [InlineData(".github/workflows/codeql.yml:analyze/language:javascript/", ".github/workflows/codeql.yml:analyze/language:javascript")]
    [InlineData("payments-api", "payments-api")]
    [InlineData("/", null)]
    public async Task ReadAsync_AutomationDetailsId_GivesScopeWithoutRunInstance(string id, string? scope)
    {
        var sarif = $$$"""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"}},"automationDetails":{"id":"{{{id}}}"},"results":[]}]}""";

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(sarif), "scope.sarif");

        Assert.Equal(scope, outcome.Metadata.Scope);
    }

    [Theory]
    [InlineData("11.0")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("1e308")]
    public async Task ReadAsync_SecuritySeverityOutOfRange_IsIgnoredAndLevelDecides(string score)
    {
        var sarif = $$$"""
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T","rules":[{"id":"R","properties":{"security-severity":"{{{score}}}"}}]}},
              "results":[{"ruleId":"R","level":"note","message":{"text":"m"}}]}]}
            """;

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(sarif), "score.sarif");

        Assert.Equal(Severity.Low, Assert.Single(outcome.Findings).ToolSeverity);
    }

    [Fact]
    public async Task ReadAsync_ResultSecuritySeverity_UsedWhenRuleHasNone()
    {
        var outcome = await ReadResultsAsync("""{"ruleId":"R","level":"note","message":{"text":"m"},"properties":{"security-severity":"9.3"}}""");

        Assert.Equal(Severity.Critical, Assert.Single(outcome.Findings).ToolSeverity);
    }

    [Fact]
    public async Task ReadAsync_CweTagsAndTaxa_AreReadAndOtherTagsIgnored()
    {
        var sarif = """
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T","rules":[{"id":"R","properties":{"tags":["security","2021","79","external/cwe/cwe-022","CWE-79: Improper Neutralization"]}}]}},
              "results":[{"ruleId":"R","message":{"text":"m"},"properties":{"tags":["cwe-352"]},
                "taxa":[{"id":"918","toolComponent":{"name":"CWE"}},{"id":"A01","toolComponent":{"name":"OWASP"}}]}]}]}
            """;

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(sarif), "tags.sarif");

        Assert.Equal(["CWE-22", "CWE-79", "CWE-352", "CWE-918"], Assert.Single(outcome.Findings).Cwes);
    }

    [Fact]
    public async Task ReadAsync_PartialFingerprintsInAnyKeyOrder_GiveSameFingerprint()
    {
        var outcome = await ReadResultsAsync(
            """{"ruleId":"R","message":{"text":"m"},"partialFingerprints":{"b/v1":"2","a/v1":"1"},"fingerprints":{"full":"x"}}""",
            """{"ruleId":"R","message":{"text":"m"},"partialFingerprints":{"a/v1":"1","b/v1":"2"}}""",
            """{"ruleId":"R","message":{"text":"m"},"fingerprints":{"z":"9","y":"8"}}""");

        Assert.Equal(["a/v1=1;b/v1=2", "a/v1=1;b/v1=2", "y=8;z=9"], outcome.Findings.Select(f => f.ToolFingerprint));
    }

    [Fact]
    public async Task ReadAsync_ToolFingerprint_WinsOverSnippetAndLine()
    {
        var outcome = await ReadResultsAsync(
            """{"ruleId":"R","message":{"text":"m"},"partialFingerprints":{"h":"1"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.c"},"region":{"startLine":3,"snippet":{"text":"x();"}}}}]}""",
            """{"ruleId":"R","message":{"text":"m"},"partialFingerprints":{"h":"1"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.c"},"region":{"startLine":9,"snippet":{"text":"y();"}}}}]}""");

        Assert.Equal(FindingFingerprint.Compute(outcome.Findings[0]), FindingFingerprint.Compute(outcome.Findings[1]));
    }

    private static Task<ReadOutcome> ReadResultsAsync(params string[] results)
    {
        var sarif = $$$"""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T","rules":[{{{Rules}}}]}},"results":[{{{string.Join(',', results)}}}]}]}""";
        return ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(sarif), "matching.sarif");
    }
}
