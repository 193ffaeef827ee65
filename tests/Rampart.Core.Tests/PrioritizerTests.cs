using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Prioritization;
using Rampart.Core.Prioritization.Ssvc;

namespace Rampart.Core.Tests;

public sealed class PrioritizerTests
{
    // Base scores by the CVSS v3.1 specification's equations (checked with FIRST's calculator).
    private const string Critical = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"; // 9.8, automatable, C:H/I:H
    private const string Medium = "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"; // 6.1, needs a user, C:L/I:L
    private const string LocalHigh = "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"; // 7.8, local, C:H/I:H

    private static readonly DateOnly KevAdded = new(2026, 3, 2);

    private static AssetContext Asset(
        Exposure exposure = Exposure.Internal, Criticality criticality = Criticality.Medium,
        DataSensitivity data = DataSensitivity.Internal, string[]? tools = null, AgentAutonomy autonomy = AgentAutonomy.None) =>
        new("checkout-api", AssetKind.Application, exposure, criticality, data, tools ?? [], autonomy);

    private static PriorityFacts Vulnerability(string[] vectors, AssetContext asset, ExploitIntel? intel = null, Severity tool = Severity.Medium) =>
        new(FindingKind.Vulnerability, vectors, tool, intel ?? ExploitIntel.None, asset);

    private static ExploitIntel Kev() => new(KevDateAdded: KevAdded, KevDueDate: new DateOnly(2026, 3, 23), KevId: "CVE-2026-1111");

    private static ExploitIntel Epss(double score) =>
        new(Epss: score, EpssPercentile: 0.9, EpssDate: new DateOnly(2026, 12, 1), EpssId: "CVE-2026-1111");

    [Fact]
    public void Decide_CvssVectorPresent_SeverityComesFromCvssNotTool()
    {
        var decision = Prioritizer.Decide(Vulnerability([Critical], Asset(), tool: Severity.Low));

        Assert.Equal(Severity.Critical, decision.Severity);
        Assert.Equal(9.8, decision.CvssScore!.Value, precision: 1);
        Assert.Contains("Severity: CVSS 3.1 base 9.8", decision.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SeveralVectors_UsesTheHighestScore()
    {
        var decision = Prioritizer.Decide(Vulnerability([Medium, Critical], Asset()));

        Assert.Equal(9.8, decision.CvssScore!.Value, precision: 1);
    }

    [Fact]
    public void Decide_CriticalCvssButNoExploitationOnMediumAsset_IsTrackedNotRushed()
    {
        // CISA table: exploitation none · automatable yes · technical impact total · mission medium → Track.
        // The point of SSVC: a 9.8 with no exploitation on an ordinary internal asset is not a P1.
        var decision = Prioritizer.Decide(Vulnerability([Critical], Asset()));

        Assert.Equal(SsvcOutcome.Track, decision.Ssvc);
        Assert.Equal(Exploitation.None, decision.Exploitation);
        Assert.Equal(Priority.P4, decision.Priority);
        Assert.Equal(
            "no known exploitation · internal · automatable (AV:N/AC:L/PR:N/UI:N) · total impact · asset criticality medium → Track → P4",
            decision.Reasons[0]);
    }

    [Fact]
    public void Decide_KevListedOnInternetFacingHighAsset_IsActWithTheIssuesExampleReason()
    {
        // CISA table: active · automatable · total · mission high (high criticality facing the internet) → Act.
        var decision = Prioritizer.Decide(Vulnerability([Critical], Asset(Exposure.Internet, Criticality.High), Kev()));

        Assert.Equal(SsvcOutcome.Act, decision.Ssvc);
        Assert.Equal(Priority.P1, decision.Priority);
        Assert.Equal(
            "KEV since 2026-03-02 · internet-facing · automatable (AV:N/AC:L/PR:N/UI:N) · total impact · asset criticality high → Act → P1",
            decision.Reasons[0]);
        Assert.Contains(decision.Reasons, r => r.StartsWith("Exploitation: active — CVE-2026-1111 is in CISA KEV since 2026-03-02; CISA due date 2026-03-23", StringComparison.Ordinal));
        Assert.Contains(decision.Reasons, r => r == "SSVC (CISA tree): active · automatable · total · high → Act → P1");
    }

    [Theory]
    [InlineData(0.0999, Exploitation.None, Priority.P4)] // none · not automatable · partial · medium → Track
    [InlineData(0.1, Exploitation.PublicPoc, Priority.P4)] // poc · not automatable · partial · medium → Track
    public void Decide_EpssThreshold_DecidesPublicPoc(double epss, Exploitation expected, Priority priority)
    {
        var decision = Prioritizer.Decide(Vulnerability([Medium], Asset(), Epss(epss)));

        Assert.Equal(expected, decision.Exploitation);
        Assert.Equal(priority, decision.Priority);
    }

    [Fact]
    public void Decide_EpssAboveThresholdOnLocalTotalImpact_IsTrackStar()
    {
        // CISA table: poc · not automatable · total · mission medium → Track* → P3 (none would be Track → P4).
        var withEpss = Prioritizer.Decide(Vulnerability([LocalHigh], Asset(), Epss(0.42)));
        var without = Prioritizer.Decide(Vulnerability([LocalHigh], Asset()));

        Assert.Equal(SsvcOutcome.TrackStar, withEpss.Ssvc);
        Assert.Equal(Priority.P3, withEpss.Priority);
        Assert.Contains("EPSS ≥ 0.10", withEpss.Reasons[0], StringComparison.Ordinal);
        Assert.EndsWith("→ Track* → P3", withEpss.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(Priority.P4, without.Priority);
    }

    [Fact]
    public void Decide_EpssThresholdFromSettings_IsUsed()
    {
        var decision = Prioritizer.Decide(Vulnerability([LocalHigh], Asset(), Epss(0.05)), new PrioritizationSettings(EpssPoc: 0.05));

        Assert.Equal(Exploitation.PublicPoc, decision.Exploitation);
    }

    [Fact]
    public void Decide_Cvss4AttackedVector_IsActiveWithoutKev()
    {
        // CVSS v4.0 E:A "Attacked"; AV:N/AC:L/AT:N/PR:N/UI:N automatable; VC:H/VI:H total; critical asset → mission high.
        var vector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A";

        var decision = Prioritizer.Decide(Vulnerability([vector], Asset(criticality: Criticality.Critical)));

        Assert.Equal(Exploitation.Active, decision.Exploitation);
        Assert.Equal(SsvcOutcome.Act, decision.Ssvc);
        Assert.StartsWith("exploited (E:A)", decision.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_KevOutranksEverything_EvenWithUnprovenExploitMaturity()
    {
        var vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U";

        var decision = Prioritizer.Decide(Vulnerability([vector], Asset(), Kev()));

        Assert.Equal(Exploitation.Active, decision.Exploitation);
        Assert.Equal(SsvcOutcome.Act, decision.Ssvc); // active · automatable · total · medium → Act
    }

    [Fact]
    public void Decide_VulnerabilityWithoutVector_AssumesNotAutomatableAndImpactFromSeverity()
    {
        var decision = Prioritizer.Decide(Vulnerability([], Asset(criticality: Criticality.Critical), Kev(), Severity.High));

        // active · not automatable · total (tool severity high) · mission high → Act.
        Assert.Null(decision.CvssScore);
        Assert.Equal(SsvcOutcome.Act, decision.Ssvc);
        Assert.Contains(decision.Reasons, r => r == "Automatable: assumed no (no CVSS vector)");
        Assert.Contains(decision.Reasons, r => r == "Technical impact: assumed total from tool severity high (no CVSS vector)");
        Assert.Contains(decision.Reasons, r => r == "Severity: tool severity high (no CVSS vector)");
    }

    [Fact]
    public void Decide_UnscorableVectorOnly_SaysSoAndUsesToolSeverity()
    {
        // Base metrics missing: CVSS v4.0 spec §7 makes every base metric mandatory.
        var decision = Prioritizer.Decide(Vulnerability(["CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N"], Asset(), tool: Severity.Medium));

        Assert.Equal(Severity.Medium, decision.Severity);
        Assert.Contains(decision.Reasons, r => r == "Severity: tool severity medium (no CVSS vector could be scored)");
    }

    [Theory]
    [InlineData(Severity.Critical, Exposure.Internal, Criticality.Medium, Priority.P1)]
    [InlineData(Severity.High, Exposure.Internal, Criticality.Medium, Priority.P2)]
    [InlineData(Severity.Medium, Exposure.Internal, Criticality.Medium, Priority.P3)]
    [InlineData(Severity.Low, Exposure.Internal, Criticality.Medium, Priority.P4)]
    [InlineData(Severity.Info, Exposure.Internal, Criticality.Medium, Priority.P4)]
    [InlineData(Severity.Medium, Exposure.Internet, Criticality.High, Priority.P2)] // raised one level
    [InlineData(Severity.Low, Exposure.Internet, Criticality.Critical, Priority.P4)] // low is never raised
    [InlineData(Severity.Critical, Exposure.Internet, Criticality.Critical, Priority.P1)] // cannot go above P1
    [InlineData(Severity.Critical, Exposure.Isolated, Criticality.High, Priority.P2)] // lowered one level
    [InlineData(Severity.Low, Exposure.Isolated, Criticality.High, Priority.P4)] // cannot go below P4
    public void Decide_CodeFindingWithoutVector_IsRankedBySeverityAndExposure(Severity severity, Exposure exposure, Criticality criticality, Priority expected)
    {
        var facts = new PriorityFacts(FindingKind.Code, [], severity, ExploitIntel.None, Asset(exposure, criticality));

        var decision = Prioritizer.Decide(facts);

        Assert.Equal(expected, decision.Priority);
        Assert.Null(decision.Ssvc);
        Assert.Contains(decision.Reasons, r => r == "Not a known vulnerability and no CVSS vector: ranked by severity, not by the SSVC tree");
    }

    [Fact]
    public void Decide_CodeFindingWithVector_GoesThroughTheTree()
    {
        var facts = new PriorityFacts(FindingKind.Dast, [Critical], Severity.High, ExploitIntel.None, Asset());

        Assert.Equal(SsvcOutcome.Track, Prioritizer.Decide(facts).Ssvc);
    }

    [Fact]
    public void Decide_AiFindingWithReliableAttackOnAutonomousInternetAgent_IsAct()
    {
        // Attack success 60% ≥ 50% → active; internet → automatable; tools + autonomous → total; critical → mission high.
        var asset = Asset(Exposure.Internet, Criticality.Critical, tools: ["shell", "email.send"], autonomy: AgentAutonomy.Autonomous);
        var facts = new PriorityFacts(FindingKind.AiRedTeam, [], Severity.High, ExploitIntel.None, asset, AttackSuccessRate: 0.6);

        var decision = Prioritizer.Decide(facts);

        Assert.Equal(Exploitation.Active, decision.Exploitation);
        Assert.Equal(SsvcOutcome.Act, decision.Ssvc);
        Assert.Equal(Priority.P1, decision.Priority);
        Assert.Equal(
            "attack success 60% · internet-facing · agent tools shell, email.send (autonomous) · data internal · asset criticality critical → Act → P1",
            decision.Reasons[0]);
    }

    [Fact]
    public void Decide_AiFindingWithRareSuccessOnInternalChatbot_IsTrack()
    {
        // 5% < 50% → public PoC; internal → not automatable; no tools, internal data → partial; medium → mission medium.
        // CISA table: poc · not automatable · partial · medium → Track.
        var facts = new PriorityFacts(FindingKind.AiRedTeam, [], Severity.Medium, ExploitIntel.None, Asset(), AttackSuccessRate: 0.05);

        var decision = Prioritizer.Decide(facts);

        Assert.Equal(Exploitation.PublicPoc, decision.Exploitation);
        Assert.Equal(SsvcOutcome.Track, decision.Ssvc);
        Assert.Equal(Priority.P4, decision.Priority);
    }

    [Fact]
    public void Decide_AiFindingOnRestrictedDataModel_HasTotalImpact()
    {
        // poc · automatable · total · mission high (high + internet) → Attend.
        var asset = Asset(Exposure.Internet, Criticality.High, DataSensitivity.Restricted);
        var facts = new PriorityFacts(FindingKind.AiRedTeam, [], Severity.Medium, ExploitIntel.None, asset, AttackSuccessRate: null);

        var decision = Prioritizer.Decide(facts);

        Assert.Equal(SsvcOutcome.Attend, decision.Ssvc);
        Assert.StartsWith("attack succeeded (rate unknown)", decision.Reasons[0], StringComparison.Ordinal);
        Assert.Contains(decision.Reasons, r => r.StartsWith("Technical impact: total — the model holds restricted data", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_EveryDecision_HasSummaryFirstAndEndsWithPriority()
    {
        var decisions = new[]
        {
            Prioritizer.Decide(Vulnerability([Critical], Asset(), Kev())),
            Prioritizer.Decide(new PriorityFacts(FindingKind.Secret, [], Severity.High, ExploitIntel.None, Asset())),
            Prioritizer.Decide(new PriorityFacts(FindingKind.AiRedTeam, [], Severity.High, ExploitIntel.None, Asset(), 0.9)),
        };

        Assert.All(decisions, d => Assert.EndsWith($"→ {d.Priority}", d.Reasons[0], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Priority.P1, 7)]
    [InlineData(Priority.P2, 30)]
    [InlineData(Priority.P3, 90)]
    [InlineData(Priority.P4, 180)]
    public void DueDate_DefaultTimeframes_CountFromFirstSeen(Priority priority, int days)
    {
        var firstSeen = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

        var due = RemediationTimeframes.Default.DueDate(priority, firstSeen);

        Assert.Equal(firstSeen.AddDays(days), due);
    }

    [Fact]
    public void DueDateAfterChange_RaisedToP1_GetsSevenDaysFromTheChange()
    {
        var firstSeen = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var changedAt = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var currentDue = firstSeen.AddDays(180);

        var due = RemediationTimeframes.Default.DueDateAfterChange(Priority.P4, Priority.P1, firstSeen, changedAt, currentDue);

        Assert.Equal(changedAt.AddDays(7), due);
    }

    [Fact]
    public void DueDateAfterChange_RaisedButAlreadyDueSooner_KeepsTheEarlierDate()
    {
        var firstSeen = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var changedAt = new DateTimeOffset(2026, 1, 29, 0, 0, 0, TimeSpan.Zero);
        var currentDue = firstSeen.AddDays(30); // P2, due 2026-01-31

        var due = RemediationTimeframes.Default.DueDateAfterChange(Priority.P2, Priority.P1, firstSeen, changedAt, currentDue);

        Assert.Equal(currentDue, due); // changedAt + 7 = 2026-02-05 would be later
    }

    [Fact]
    public void DueDateAfterChange_Lowered_CountsFromFirstSeen()
    {
        var firstSeen = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var changedAt = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

        var due = RemediationTimeframes.Default.DueDateAfterChange(Priority.P1, Priority.P3, firstSeen, changedAt, firstSeen.AddDays(7));

        Assert.Equal(firstSeen.AddDays(90), due);
    }

    [Fact]
    public void DueDateAfterChange_Unchanged_KeepsTheCurrentDueDate()
    {
        var firstSeen = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var currentDue = new DateTimeOffset(2026, 2, 14, 0, 0, 0, TimeSpan.Zero);

        var due = RemediationTimeframes.Default.DueDateAfterChange(Priority.P2, Priority.P2, firstSeen, firstSeen.AddDays(3), currentDue);

        Assert.Equal(currentDue, due);
    }
}
