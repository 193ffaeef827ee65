using Rampart.Core.Findings;
using Rampart.Core.Prioritization.Cvss;
using CvssScoring = Rampart.Core.Prioritization.Cvss.Cvss;

namespace Rampart.Core.Tests.Cvss;

public sealed class CvssV3Tests
{
    // FIRST's CVSS v3.1 examples document (base scores), confirmed by ae-cvss-calculator 1.0.13 and, where noted, by hand (§7.1).
    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, Severity.Medium)] // CVE-2013-1937 phpMyAdmin
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4, Severity.Medium)] // CVE-2013-0375 MySQL (PR:L weighs 0.68 under changed scope)
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", 3.1, Severity.Low)] // CVE-2014-3566 POODLE
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, Severity.High)] // CVE-2014-0160 Heartbleed
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, Severity.Critical)] // CVE-2014-6271 Shellshock
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9, Severity.Critical)] // CVE-2012-1516 VMware
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L", 4.2, Severity.Medium)] // CVE-2009-0783 Tomcat; hand: 3.3745 + 0.7985 = 4.173 → 4.2
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N", 7.4, Severity.High)] // CVE-2014-0224 OpenSSL CCS
    [InlineData("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 6.8, Severity.Medium)] // CVE-2014-2005 Sophos
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N", 5.8, Severity.Medium)] // CVE-2010-0467 Joomla
    [InlineData("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:N/I:H/A:H", 9.3, Severity.Critical)] // CVE-2013-6014 Juniper
    [InlineData("CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:C/C:H/I:N/A:N", 5.6, Severity.Medium)] // CVE-2017-5715 Spectre
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, Severity.Critical)] // CVE-2021-44228 Log4Shell (NVD)
    [InlineData("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.6, Severity.Low)] // hand: 6.42 × 0.22 + 8.22 × 0.2 × 0.44 × 0.27 × 0.62 = 1.534 → 1.6
    [InlineData("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0, Severity.Info)] // no impact: 0 (spec §7.1)
    public void Score_PublishedExample_GivesItsBaseScore(string vector, double expected, Severity severity)
    {
        var scores = CvssScoring.Score(vector);

        Assert.Equal(expected, scores.BaseScore);
        Assert.Equal(severity, scores.BaseSeverity);
        Assert.Equal("base", scores.ScoreKind);
    }

    [Fact]
    public void Score_TemporalMetrics_GiveTheTemporalScore()
    {
        // Hand (§7.2): 9.8 × E:P 0.94 × RL:O 0.95 × RC:C 1 = 8.7514 → Roundup 8.8.
        var scores = CvssScoring.Score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C");

        Assert.Equal(8.8, scores.TemporalScore);
        Assert.Null(scores.EnvironmentalScore);
        Assert.Equal(8.8, scores.Score);
        Assert.Equal("temporal", scores.ScoreKind);
        Assert.Equal(Severity.High, scores.Severity);
        Assert.Equal(Severity.Critical, scores.BaseSeverity);
    }

    [Fact]
    public void Score_ModifiedMetrics_GiveTheEnvironmentalScore()
    {
        // Hand (§7.3): MISS = 1 − (1 − 0.5 × 0.56)³ = 0.6268; M.Impact 6.42 × 0.6268 = 4.024; M.Exploitability with MAV:L
        // 8.22 × 0.55 × 0.77 × 0.85 × 0.85 = 2.5159; 6.540 → 6.6. ae-cvss-calculator gives 6.6 as well.
        var scores = CvssScoring.Score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/CR:L/IR:L/AR:L/MAV:L");

        Assert.Equal(9.8, scores.BaseScore);
        Assert.Null(scores.TemporalScore);
        Assert.Equal(6.6, scores.EnvironmentalScore);
        Assert.Equal("environmental", scores.ScoreKind);
    }

    [Theory]
    [InlineData("CVSS:3.0", 9.6)]
    [InlineData("CVSS:3.1", 9.7)]
    public void Score_ModifiedScopeChanged_UsesEachVersionsModifiedImpact(string prefix, double expected)
    {
        // MISS = min(1 − 0.16³, 0.915) = 0.915. v3.1 §7.3: 7.52 × 0.886 − 3.25 × (0.915 × 0.9731 − 0.02)^13 = 6.1281;
        // v3.0: 7.52 × 0.886 − 3.25 × (0.915 − 0.02)^15 = 6.0473. Exploitability 2.8353 (UI:R); × 1.08 → 9.680 → 9.7 and 9.593 → 9.6.
        var scores = CvssScoring.Score($"{prefix}/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H/MS:C/CR:H/IR:H/AR:H");

        Assert.Equal(expected, scores.EnvironmentalScore);
    }

    [Fact]
    public void Score_MetricsInAnyOrder_ScoreTheSame()
    {
        // v3.1 spec §6: "Programs reading CVSS v3.1 vector strings must accept metrics in any order".
        var ordered = CvssScoring.Score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/MAV:P");
        var shuffled = CvssScoring.Score("CVSS:3.1/MAV:P/A:H/E:U/C:H/S:U/UI:N/I:H/PR:N/AC:L/AV:N");

        Assert.Equal(ordered with { Vector = shuffled.Vector }, shuffled);
    }

    [Fact]
    public void Score_ExplicitNotDefined_CarriesNoTemporalOrEnvironmentalScore()
    {
        var scores = CvssScoring.Score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/RL:X/RC:X/CR:X/MAV:X");

        Assert.Null(scores.TemporalScore);
        Assert.Null(scores.EnvironmentalScore);
        Assert.Equal(9.8, scores.Score);
    }
}
