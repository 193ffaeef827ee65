using Rampart.Core.Findings;
using Rampart.Core.Prioritization;

namespace Rampart.Core.Tests;

public sealed class CvssV3Tests
{
    // Expected scores are the base scores NVD publishes for these vectors (computed by FIRST's v3.x calculator),
    // checked by hand against the v3.1 specification §7.1 formulas.
    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, Severity.Critical)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, Severity.Critical)] // CVE-2021-44228 (Log4Shell)
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, Severity.High)] // CVE-2014-0160 (Heartbleed), spec examples document
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, Severity.Medium)] // CVE-2013-1937, spec examples document
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8, Severity.High)]
    [InlineData("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0, Severity.Info)]
    [InlineData("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.6, Severity.Low)] // hand: 6.42*0.22 + 8.22*0.2*0.44*0.27*0.62 = 1.534 -> 1.6
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4, Severity.Medium)] // PR:L under changed scope weighs 0.68
    public void TryScore_ValidVector_GivesSpecificationScore(string vector, double expected, Severity severity)
    {
        var ok = CvssV3.TryScore(vector, out var score, out var error);

        Assert.True(ok, error);
        Assert.Equal(expected, score!.BaseScore, precision: 1);
        Assert.Equal(severity, score.Severity);
    }

    [Fact]
    public void TryScore_V31RoundUp_AvoidsFloatingPointOverestimate()
    {
        // v3.1 spec Appendix A: with the v3.0 Roundup some inputs like 4.000000000000001 became 4.1.
        // AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L: impact 6.42*(1-0.78^3)=3.3745, exploitability 8.22*0.55*0.77*0.27*0.85=0.7985 -> 4.173 -> 4.2.
        Assert.True(CvssV3.TryScore("CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L", out var score, out _));
        Assert.Equal(4.2, score!.BaseScore, precision: 1);
    }

    [Theory]
    [InlineData("AV:N/AC:L/Au:N/C:P/I:P/A:P", "not a CVSS v3.0/v3.1 vector")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "'A' is missing")]
    [InlineData("CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "'AV' appears twice")]
    [InlineData("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "'AV:X'")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A", "'A' in")]
    public void TryScore_InvalidVector_NamesTheOffendingPart(string vector, string expectedInError)
    {
        var ok = CvssV3.TryScore(vector, out var score, out var error);

        Assert.False(ok);
        Assert.Null(score);
        Assert.Contains(expectedInError, error, StringComparison.Ordinal);
    }
}
