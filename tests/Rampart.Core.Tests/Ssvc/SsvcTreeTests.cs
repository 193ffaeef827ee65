using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Prioritization;
using Rampart.Core.Prioritization.Cvss;
using Rampart.Core.Prioritization.Ssvc;

namespace Rampart.Core.Tests.Ssvc;

public sealed class SsvcTreeTests
{
    /// <summary>
    /// All 36 rows of the CISA Coordinator decision table 2.0.3 as CERT/CC publishes it (SSVC repository,
    /// src/ssvc/decision_tables/cisa/cisa_coordinate_dt.py; same outcomes as the CISA SSVC Guide, November 2022).
    /// Columns: exploitation (N none, P public PoC, A active), automatable (Y/N), technical impact (P partial,
    /// T total), mission and well-being (L/M/H), outcome (T Track, T* Track*, AT Attend, AC Act).
    /// </summary>
    public static TheoryData<string, string, string, string, string> CisaTable => new()
    {
        { "N", "N", "P", "L", "T" }, { "N", "N", "P", "M", "T" }, { "N", "N", "P", "H", "T" },
        { "N", "N", "T", "L", "T" }, { "N", "N", "T", "M", "T" }, { "N", "N", "T", "H", "T*" },
        { "N", "Y", "P", "L", "T" }, { "N", "Y", "P", "M", "T" }, { "N", "Y", "P", "H", "AT" },
        { "N", "Y", "T", "L", "T" }, { "N", "Y", "T", "M", "T" }, { "N", "Y", "T", "H", "AT" },
        { "P", "N", "P", "L", "T" }, { "P", "N", "P", "M", "T" }, { "P", "N", "P", "H", "T*" },
        { "P", "N", "T", "L", "T" }, { "P", "N", "T", "M", "T*" }, { "P", "N", "T", "H", "AT" },
        { "P", "Y", "P", "L", "T" }, { "P", "Y", "P", "M", "T" }, { "P", "Y", "P", "H", "AT" },
        { "P", "Y", "T", "L", "T" }, { "P", "Y", "T", "M", "T*" }, { "P", "Y", "T", "H", "AT" },
        { "A", "N", "P", "L", "T" }, { "A", "N", "P", "M", "T" }, { "A", "N", "P", "H", "AT" },
        { "A", "N", "T", "L", "T" }, { "A", "N", "T", "M", "AT" }, { "A", "N", "T", "H", "AC" },
        { "A", "Y", "P", "L", "AT" }, { "A", "Y", "P", "M", "AT" }, { "A", "Y", "P", "H", "AC" },
        { "A", "Y", "T", "L", "AT" }, { "A", "Y", "T", "M", "AC" }, { "A", "Y", "T", "H", "AC" },
    };

    [Theory]
    [MemberData(nameof(CisaTable))]
    public void Decide_EveryRowOfTheCisaTable(string exploitation, string automatable, string impact, string mission, string outcome)
    {
        var e = exploitation switch { "N" => Exploitation.None, "P" => Exploitation.PublicPoc, _ => Exploitation.Active };
        var t = impact == "T" ? TechnicalImpact.Total : TechnicalImpact.Partial;
        var m = mission switch { "L" => MissionImpact.Low, "M" => MissionImpact.Medium, _ => MissionImpact.High };
        var expected = outcome switch
        {
            "T" => SsvcOutcome.Track,
            "T*" => SsvcOutcome.TrackStar,
            "AT" => SsvcOutcome.Attend,
            _ => SsvcOutcome.Act,
        };

        Assert.Equal(expected, SsvcTree.Decide(e, automatable == "Y", t, m));
    }

    [Fact]
    public void CisaTable_CoversEveryCombinationOnce()
    {
        var rows = CisaTable.Select(r => string.Join('|', r.Data.Item1, r.Data.Item2, r.Data.Item3, r.Data.Item4)).ToList();

        Assert.Equal(3 * 2 * 2 * 3, rows.Distinct().Count());
    }

    [Theory]
    [InlineData(SsvcOutcome.Act, Priority.P1)]
    [InlineData(SsvcOutcome.Attend, Priority.P2)]
    [InlineData(SsvcOutcome.TrackStar, Priority.P3)]
    [InlineData(SsvcOutcome.Track, Priority.P4)]
    public void PriorityOf_MapsOutcomesToP1ThroughP4(SsvcOutcome outcome, Priority expected) =>
        Assert.Equal(expected, SsvcTree.PriorityOf(outcome));

    [Fact]
    public void Name_WritesTrackStarAsCisaDoes() => Assert.Equal("Track*", SsvcTree.Name(SsvcOutcome.TrackStar));

    [Theory]
    [InlineData(Criticality.Critical, Exposure.Isolated, MissionImpact.High)]
    [InlineData(Criticality.Critical, Exposure.Internet, MissionImpact.High)]
    [InlineData(Criticality.High, Exposure.Internet, MissionImpact.High)]
    [InlineData(Criticality.High, Exposure.Internal, MissionImpact.Medium)]
    [InlineData(Criticality.High, Exposure.Isolated, MissionImpact.Low)]
    [InlineData(Criticality.Medium, Exposure.Internet, MissionImpact.Medium)]
    [InlineData(Criticality.Medium, Exposure.Internal, MissionImpact.Medium)]
    [InlineData(Criticality.Medium, Exposure.Isolated, MissionImpact.Low)]
    [InlineData(Criticality.Low, Exposure.Internet, MissionImpact.Low)]
    public void MissionRule_FromCriticalityAndExposure(Criticality criticality, Exposure exposure, MissionImpact expected) =>
        Assert.Equal(expected, MissionRule.Of(criticality, exposure));

    [Theory]
    // v3.x: automatable iff AV:N/AC:L/PR:N/UI:N.
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", true, TechnicalImpact.Total, null)]
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", false, TechnicalImpact.Total, null)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", false, TechnicalImpact.Total, null)]
    [InlineData("CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", false, TechnicalImpact.Total, null)]
    // Impact: high on one, low on the other, counts as total only when no privileges are needed.
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N", true, TechnicalImpact.Total, null)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:L/A:N", false, TechnicalImpact.Partial, null)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:H", true, TechnicalImpact.Partial, null)]
    // Exploit code maturity: U → none, P/F/H → PoC.
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N/E:U", true, TechnicalImpact.Partial, Exploitation.None)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N/E:F", true, TechnicalImpact.Partial, Exploitation.PublicPoc)]
    // Modified metrics win: MAV:L makes it not automatable, MC:H/MI:H total.
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N/MAV:L/MC:H/MI:H", false, TechnicalImpact.Total, null)]
    // v4.0: AT:N is needed too; E:A → active.
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", true, TechnicalImpact.Total, null)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", false, TechnicalImpact.Total, null)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:H/SC:N/SI:N/SA:N/E:A", true, TechnicalImpact.Partial, Exploitation.Active)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:H/SC:N/SI:N/SA:N/E:P", true, TechnicalImpact.Partial, Exploitation.PublicPoc)]
    // v2: Au:N instead of PR/UI; Complete counts as high.
    [InlineData("AV:N/AC:L/Au:N/C:C/I:C/A:C", true, TechnicalImpact.Total, null)]
    [InlineData("AV:N/AC:L/Au:S/C:P/I:P/A:P/E:POC/RL:OF/RC:C", false, TechnicalImpact.Partial, Exploitation.PublicPoc)]
    public void CvssDecisionPoints_FromVector(string text, bool automatable, TechnicalImpact impact, Exploitation? exploitation)
    {
        var points = CvssDecisionPoints.From(CvssVector.Parse(text));

        Assert.Equal(automatable, points.Automatable);
        Assert.Equal(impact, points.TechnicalImpact);
        Assert.Equal(exploitation, points.Exploitation);
    }

    [Fact]
    public void CvssDecisionPoints_NamesTheMetricsThatDecided()
    {
        var points = CvssDecisionPoints.From(CvssVector.Parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P"));

        Assert.Equal("AV:N/AC:L/PR:N/UI:N", points.AutomatableParts);
        Assert.Equal("PR:N/C:H/I:H", points.ImpactParts);
        Assert.Equal("E:P", points.ExploitationPart);
    }

    [Theory]
    [InlineData(null, Exploitation.PublicPoc)]
    [InlineData(0.01, Exploitation.PublicPoc)]
    [InlineData(0.4999, Exploitation.PublicPoc)]
    [InlineData(0.5, Exploitation.Active)]
    [InlineData(1.0, Exploitation.Active)]
    public void AiExploitation_FromAttackSuccessRate(double? rate, Exploitation expected) =>
        Assert.Equal(expected, AiDecisionPoints.Exploitation(rate, PrioritizationSettings.Default));

    [Theory]
    [InlineData(new string[0], AgentAutonomy.None, DataSensitivity.Confidential, TechnicalImpact.Partial)]
    [InlineData(new[] { "shell" }, AgentAutonomy.HumanApproval, DataSensitivity.Confidential, TechnicalImpact.Partial)]
    [InlineData(new[] { "shell" }, AgentAutonomy.Autonomous, DataSensitivity.Public, TechnicalImpact.Total)]
    [InlineData(new string[0], AgentAutonomy.Autonomous, DataSensitivity.Internal, TechnicalImpact.Partial)]
    [InlineData(new string[0], AgentAutonomy.None, DataSensitivity.Restricted, TechnicalImpact.Total)]
    public void AiTechnicalImpact_FromToolsAutonomyAndData(string[] tools, AgentAutonomy autonomy, DataSensitivity data, TechnicalImpact expected)
    {
        var asset = new AssetContext("assistant", AssetKind.Model, Exposure.Internet, Criticality.High, data, tools, autonomy);

        Assert.Equal(expected, AiDecisionPoints.TechnicalImpact(asset));
    }

    [Theory]
    [InlineData(Exposure.Internet, true)]
    [InlineData(Exposure.Internal, false)]
    [InlineData(Exposure.Isolated, false)]
    public void AiAutomatable_OnlyWhenReachableFromTheInternet(Exposure exposure, bool expected) =>
        Assert.Equal(expected, AiDecisionPoints.Automatable(exposure));
}
