using Rampart.Core.Findings;
using Rampart.Core.Prioritization.Cvss;
using CvssScoring = Rampart.Core.Prioritization.Cvss.Cvss;

namespace Rampart.Core.Tests.Cvss;

public sealed class CvssV4Tests
{
    // CVSS-B scores published by FIRST (v4.0 examples document and calculator), confirmed by ae-cvss-calculator 1.0.13.
    [Theory]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, Severity.Critical)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N", 8.7, Severity.High)] // CVE-2014-0160 Heartbleed
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0, Severity.Critical)] // CVE-2021-44228 Log4Shell
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N", 6.9, Severity.Medium)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0, Severity.Info)] // no impact: 0 (§8.2)
    public void Score_PublishedBaseVector_GivesItsScore(string vector, double expected, Severity severity)
    {
        var scores = CvssScoring.Score(vector);

        Assert.Equal(expected, scores.BaseScore);
        Assert.Equal(expected, scores.Score);
        Assert.Equal("CVSS-B", scores.ScoreKind);
        Assert.Equal(severity, scores.Severity);
    }

    [Fact]
    public void Score_MacroVectorHighestSeverityVector_GetsTheLookupTableScore()
    {
        // Spec §8.2: the highest severity vector of a MacroVector is assigned the MacroVector's score. Hand: EQ1 0, EQ2 0,
        // EQ3 0 (VC:H and VI:H), EQ4 2 (no H among SC/SI/SA; SC:L/SI:L/SA:L is that level's highest severity vector), EQ5 0
        // (E:X → A), EQ6 0 (CR:X → H, with VC:H): MacroVector 000200, 9.3 in the lookup table, at severity distance 0 everywhere.
        var scores = CvssScoring.Score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L");

        Assert.Equal(9.3, scores.BaseScore);
    }

    // The sample vectors of spec §7, each named there by its nomenclature; scores from ae-cvss-calculator 1.0.13.
    [Theory]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N", "CVSS-B", 5.1, null, null, null)]
    [InlineData("CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:P/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L/E:P", "CVSS-BT", 5.4, 4.5, null, null)]
    [InlineData("CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:A/VC:N/VI:N/VA:L/SC:H/SI:H/SA:H/CR:H/IR:H/AR:M/MAV:N/MAC:L/MAT:P/MPR:L/MUI:A/MVC:N/MVI:H/MVA:L/MSC:L/MSI:S/MSA:H",
        "CVSS-BE", 5.0, null, 8.5, null)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U/CR:L/IR:X/AR:L/MAV:A/MAC:H/MAT:N/MPR:N/MUI:P/MVC:X/MVI:N/MVA:H/MSC:N/MSI:L/MSA:S/S:N/AU:N/R:I/V:C/RE:H/U:Green",
        "CVSS-BTE", 5.1, 1.2, 7.3, 4.2)]
    public void Score_SpecSampleVector_GivesEveryNomenclaturesScore(string vector, string kind, double b, double? bt, double? be, double? bte)
    {
        var scores = CvssScoring.Score(vector);

        Assert.Equal(kind, scores.ScoreKind);
        Assert.Equal(b, scores.BaseScore);
        Assert.Equal(bt, scores.BaseThreatScore);
        Assert.Equal(be, scores.BaseEnvironmentalScore);
        Assert.Equal(bte, scores.BaseThreatEnvironmentalScore);
        Assert.Equal(bt, scores.TemporalScore);
        Assert.Equal(bte ?? be, scores.EnvironmentalScore);
        Assert.Equal(bte ?? be ?? bt ?? b, scores.Score);
    }

    [Fact]
    public void Score_SupplementalMetrics_DoNotChangeTheScore()
    {
        // Spec §5: supplemental metrics convey context and do not modify the score.
        var plain = CvssScoring.Score("CVSS:4.0/AV:P/AC:H/AT:P/PR:L/UI:P/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L");
        var supplemental = CvssScoring.Score("CVSS:4.0/AV:P/AC:H/AT:P/PR:L/UI:P/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L/S:P/AU:Y/R:A/V:D/RE:L/U:Red");

        Assert.Equal(plain.BaseScore, supplemental.BaseScore);
        Assert.Equal("CVSS-B", supplemental.ScoreKind);
        Assert.Equal("Red", CvssVector.Parse(supplemental.Vector).Metric("U"));
    }

    [Fact]
    public void Score_ExploitMaturityNotDefined_CountsAsAttacked()
    {
        // Spec §8.2 Table 28: "If E=X it will default to the worst case (i.e., E=A)"; E:X is no threat metric, so CVSS-B.
        var scores = CvssScoring.Score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X");

        Assert.Equal(9.3, scores.Score);
        Assert.Equal("CVSS-B", scores.ScoreKind);
        Assert.Null(scores.BaseThreatScore);
    }
}
