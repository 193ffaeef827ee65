using System.Text;
using Rampart.Core.Findings;

namespace Rampart.Ingest.Tests.BadInput;

/// <summary>
/// Absurd numbers in a SARIF log are read leniently (documented in SarifResultMapper): the value is ignored and the
/// rest of the result kept, rather than the whole report refused.
/// </summary>
public sealed class AbsurdValueTests
{
    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("1099511627776")]
    [InlineData("3.5")]
    [InlineData("\"many\"")]
    public async Task ReadAsync_AbsurdStartLine_IsIgnoredAndPathKept(string line)
    {
        var outcome = await ReadAsync($$$$"""{"ruleId":"R","level":"error","message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/a.cs"},"region":{"startLine":{{{{line}}}}}}}]}""");

        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(("src/a.cs", (int?)null, Severity.High), (finding.LocationPath, finding.StartLine, finding.ToolSeverity));
        Assert.Equal("code|R|src/a.cs|", FindingFingerprint.CanonicalKey(finding));
    }

    [Theory]
    [InlineData("\"11.0\"")]
    [InlineData("11.0")]
    [InlineData("\"-0.5\"")]
    [InlineData("\"Infinity\"")]
    public async Task ReadAsync_CvssScoreOutOfRange_IsIgnoredAndLevelDecides(string score)
    {
        var outcome = await ReadAsync($$$"""{"ruleId":"R","level":"warning","message":{"text":"m"},"properties":{"security-severity":{{{score}}}}}""");

        Assert.Equal(Severity.Medium, Assert.Single(outcome.Findings).ToolSeverity);
    }

    [Fact]
    public async Task ReadAsync_HugeRuleIndex_FallsBackToRuleId()
    {
        var outcome = await ReadAsync("""{"ruleId":"R","ruleIndex":1099511627776,"message":{"text":"m"}}""");

        Assert.Equal("Rule", Assert.Single(outcome.Findings).Title);
    }

    private static Task<ReadOutcome> ReadAsync(string result)
    {
        var sarif = $$$"""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T","rules":[{"id":"R","shortDescription":{"text":"Rule"}}]}},"results":[{{{result}}}]}]}""";
        return ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(sarif), "absurd.sarif");
    }
}
