using Rampart.Core.Findings;
using Rampart.Core.Prioritization.Cvss;
using CvssScoring = Rampart.Core.Prioritization.Cvss.Cvss;

namespace Rampart.Core.Tests.Cvss;

public sealed class CvssV2Tests
{
    // The v2 guide's worked examples (§3.3.1–§3.3.3), with the guide's base, temporal and environmental scores.
    // ae-cvss-calculator gives 9.1 for the first environmental score: it does not round AdjustedTemporal (see V2EquationModel).
    [Theory]
    [InlineData("AV:N/AC:L/Au:N/C:N/I:N/A:C", 7.8, null, null)] // §3.3.1 CVE-2002-0392 base
    [InlineData("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C", 7.8, 6.4, null)]
    [InlineData("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H", 7.8, 6.4, 9.2)]
    [InlineData("AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0, null, null)] // §3.3.2 CVE-2003-0818
    [InlineData("AV:N/AC:L/Au:N/C:C/I:C/A:C/E:F/RL:OF/RC:C", 10.0, 8.3, null)]
    [InlineData("AV:N/AC:L/Au:N/C:C/I:C/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:L", 10.0, 8.3, 9.0)]
    [InlineData("AV:L/AC:H/Au:N/C:C/I:C/A:C", 6.2, null, null)] // §3.3.3 CVE-2003-0062
    [InlineData("AV:L/AC:H/Au:N/C:C/I:C/A:C/E:POC/RL:OF/RC:C", 6.2, 4.9, null)]
    [InlineData("AV:L/AC:H/Au:N/C:C/I:C/A:C/E:POC/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:M", 6.2, 4.9, 7.5)]
    public void Score_GuideWorkedExample_GivesTheGuideScores(string vector, double baseScore, double? temporal, double? environmental)
    {
        var scores = CvssScoring.Score(vector);

        Assert.Equal(CvssVersion.V2, scores.Version);
        Assert.Equal(baseScore, scores.BaseScore);
        Assert.Equal(temporal, scores.TemporalScore);
        Assert.Equal(environmental, scores.EnvironmentalScore);
        Assert.Equal(environmental ?? temporal ?? baseScore, scores.Score);
    }

    [Fact]
    public void Score_ExactTieInTemporalProduct_RoundsUpAsTheGuideArithmetic()
    {
        // Hand: base 9.0 (AV:N/AC:L/Au:N/C:P/I:C/A:P: impact 10.41 × (1 − 0.725 × 0.34 × 0.725) = 8.5451, exploitability 10.0,
        // (0.6 × 8.5451 + 4 − 1.5) × 1.176 = 8.9696 → 9.0); temporal 9.0 × 0.95 = 8.55 exactly → 8.6. Binary doubles give 8.5499… → 8.5.
        var scores = CvssScoring.Score("AV:N/AC:L/Au:N/C:P/I:C/A:P/RL:W");

        Assert.Equal(9.0, scores.BaseScore);
        Assert.Equal(8.6, scores.TemporalScore);
    }

    [Theory]
    [InlineData("(AV:N/AC:L/Au:N/C:N/I:N/A:C)")] // NVD's old parenthesised form
    [InlineData("CVSS:2.0/AV:N/AC:L/Au:N/C:N/I:N/A:C")]
    [InlineData("  AV:N/AC:L/Au:N/C:N/I:N/A:C\t")]
    public void Score_AcceptedV2Spellings_ScoreTheSame(string vector)
    {
        var scores = CvssScoring.Score(vector);

        Assert.Equal(CvssVersion.V2, scores.Version);
        Assert.Equal(7.8, scores.BaseScore);
        Assert.Equal(vector.Trim(), scores.Vector);
    }

    // NVD's v2 bands (the guide has none): 0–3.9 low, 4.0–6.9 medium, 7.0–10 high. Scores by hand from §3.2.1.
    [Theory]
    [InlineData("AV:N/AC:L/Au:N/C:N/I:N/A:N", 0.0, Severity.Low)]
    [InlineData("AV:L/AC:H/Au:M/C:P/I:N/A:N", 0.8, Severity.Low)] // (0.6 × 2.8628 + 0.4 × 1.2443 − 1.5) × 1.176 = 0.841 → 0.8
    [InlineData("AV:N/AC:L/Au:N/C:P/I:N/A:N", 5.0, Severity.Medium)] // (0.6 × 2.8628 + 4 − 1.5) × 1.176 = 4.96 → 5.0
    [InlineData("AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0, Severity.High)]
    public void Score_V2Score_UsesNvdBands(string vector, double expected, Severity severity)
    {
        var scores = CvssScoring.Score(vector);

        Assert.Equal(expected, scores.BaseScore);
        Assert.Equal(severity, scores.Severity);
        Assert.Equal(severity, scores.BaseSeverity);
    }

    [Fact]
    public void Score_NotDefinedTemporalAndEnvironmental_GivesOnlyTheBaseScore()
    {
        // Guide §2.4: ND means "not defined"; the vector carries no temporal or environmental score.
        var scores = CvssScoring.Score("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:ND/RL:ND/RC:ND/CDP:ND/TD:ND/CR:ND/IR:ND/AR:ND");

        Assert.Null(scores.TemporalScore);
        Assert.Null(scores.EnvironmentalScore);
        Assert.Equal("base", scores.ScoreKind);
    }
}
