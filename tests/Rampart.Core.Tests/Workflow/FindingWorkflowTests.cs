using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Security;
using Rampart.Core.Workflow;

namespace Rampart.Core.Tests.Workflow;

/// <summary>The transition table of issue 6, written out by hand from the issue's state list.</summary>
public sealed class FindingWorkflowTests
{
    private const WorkflowState N = WorkflowState.New;
    private const WorkflowState T = WorkflowState.Triaged;
    private const WorkflowState I = WorkflowState.InProgress;
    private const WorkflowState F = WorkflowState.FixedAwaitingVerification;
    private const WorkflowState V = WorkflowState.VerifiedClosed;
    private const WorkflowState R = WorkflowState.RiskAccepted;
    private const WorkflowState P = WorkflowState.FalsePositive;
    private const WorkflowState A = WorkflowState.NotAffected;
    private const WorkflowState D = WorkflowState.Duplicate;

    /// <summary>
    /// Every allowed (from, action) pair, by hand: the happy path New → Triaged → In progress → Fixed → Verified closed;
    /// start and fix may skip triage; a fix still seen goes back to In progress (start); side exits from every open
    /// state; every closed state leaves only by reopen.
    /// </summary>
    public static readonly TheoryData<WorkflowState, WorkflowAction, WorkflowState> Allowed = new()
    {
        { N, WorkflowAction.Triage, T },
        { N, WorkflowAction.Start, I }, { T, WorkflowAction.Start, I }, { F, WorkflowAction.Start, I },
        { N, WorkflowAction.MarkFixed, F }, { T, WorkflowAction.MarkFixed, F }, { I, WorkflowAction.MarkFixed, F },
        { F, WorkflowAction.Verify, V },
        { V, WorkflowAction.Reopen, T }, { R, WorkflowAction.Reopen, T }, { P, WorkflowAction.Reopen, T }, { A, WorkflowAction.Reopen, T }, { D, WorkflowAction.Reopen, T },
        { N, WorkflowAction.AcceptRisk, R }, { T, WorkflowAction.AcceptRisk, R }, { I, WorkflowAction.AcceptRisk, R }, { F, WorkflowAction.AcceptRisk, R },
        { N, WorkflowAction.MarkFalsePositive, P }, { T, WorkflowAction.MarkFalsePositive, P }, { I, WorkflowAction.MarkFalsePositive, P }, { F, WorkflowAction.MarkFalsePositive, P },
        { N, WorkflowAction.MarkNotAffected, A }, { T, WorkflowAction.MarkNotAffected, A }, { I, WorkflowAction.MarkNotAffected, A }, { F, WorkflowAction.MarkNotAffected, A },
        { N, WorkflowAction.MarkDuplicate, D }, { T, WorkflowAction.MarkDuplicate, D }, { I, WorkflowAction.MarkDuplicate, D }, { F, WorkflowAction.MarkDuplicate, D },
    };

    [Theory, MemberData(nameof(Allowed))]
    public void Next_AllowedPair_GivesTheTarget(WorkflowState from, WorkflowAction action, WorkflowState to) =>
        Assert.Equal(to, FindingWorkflow.Next(from, action));

    [Fact]
    public void IsAllowed_EveryOtherPair_IsRefused()
    {
        // 9 states × 9 actions = 81 pairs; the 29 above are allowed, so 52 are refused.
        var allowed = Allowed.Select(row => (row.Data.Item1, row.Data.Item2)).ToHashSet();
        var refused = Enum.GetValues<WorkflowState>().SelectMany(s => Enum.GetValues<WorkflowAction>().Select(a => (s, a)))
            .Where(pair => !allowed.Contains(pair)).ToList();

        Assert.Equal(52, refused.Count);
        Assert.All(refused, pair => Assert.False(FindingWorkflow.IsAllowed(pair.s, pair.a), $"{pair.s} --{pair.a}--> should be refused"));
    }

    [Fact]
    public void Next_FromClosedState_NamesBothStatesAndAsksForReopen()
    {
        var error = Assert.Throws<WorkflowRuleException>(() => FindingWorkflow.Next(V, WorkflowAction.Start, "finding 42"));

        Assert.Equal("finding 42 is Verified closed; it cannot move to In progress (start): a closed finding must be reopened first (reopen). Allowed: reopen.", error.Message);
    }

    [Fact]
    public void Next_VerifyBeforeFix_SaysFixFirst()
    {
        var error = Assert.Throws<WorkflowRuleException>(() => FindingWorkflow.Next(T, WorkflowAction.Verify, "finding 7"));

        Assert.StartsWith("finding 7 is Triaged; it cannot move to Verified closed (verify): only a finding marked fixed can be verified closed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(N, FindingStatus.Open)]
    [InlineData(T, FindingStatus.Open)]
    [InlineData(I, FindingStatus.Open)]
    [InlineData(F, FindingStatus.Open)]
    [InlineData(V, FindingStatus.Fixed)]
    [InlineData(R, FindingStatus.RiskAccepted)]
    [InlineData(P, FindingStatus.FalsePositive)]
    [InlineData(A, FindingStatus.NotAffected)]
    [InlineData(D, FindingStatus.Duplicate)]
    public void StatusOf_EachState_IsTheCoarseStatusTheIssueGives(WorkflowState state, FindingStatus status)
    {
        Assert.Equal(status, FindingWorkflow.StatusOf(state));
        Assert.Equal(status == FindingStatus.Open, FindingWorkflow.IsOpen(state));
    }

    [Fact]
    public void StateOf_IsTheInverseOfStatusOfForLegacyRows()
    {
        // Open rows from before the workflow become New; every other status maps to the state of the same name.
        Assert.All(Enum.GetValues<FindingStatus>(), status => Assert.Equal(status, FindingWorkflow.StatusOf(FindingWorkflow.StateOf(status))));
        Assert.Equal(N, FindingWorkflow.StateOf(FindingStatus.Open));
        Assert.Equal(V, FindingWorkflow.StateOf(FindingStatus.Fixed));
    }

    [Fact]
    public void WhenSeenAndWhenGone_FollowTheVerificationRules()
    {
        // Issue 6: a fix the scan still sees reopens (→ In progress); a verified closure seen again reopens (→ New);
        // human decisions survive rescans; an open finding no scan sees any more is verified closed.
        Assert.Equal(I, FindingWorkflow.WhenSeen(F));
        Assert.Equal(N, FindingWorkflow.WhenSeen(V));
        Assert.All([N, T, I, R, P, A, D], s => Assert.Null(FindingWorkflow.WhenSeen(s)));
        Assert.All([N, T, I, F], s => Assert.Equal(V, FindingWorkflow.WhenGone(s)));
        Assert.All([V, R, P, A, D], s => Assert.Null(FindingWorkflow.WhenGone(s)));
    }

    [Fact]
    public void KindOf_EachAction_IsTheKindOfTheSameName() =>
        Assert.All(Enum.GetValues<WorkflowAction>(), a => Assert.Equal(a.ToString(), FindingWorkflow.KindOf(a).ToString()));

    [Theory]
    [InlineData("vulnerable_code_not_in_execute_path", VexJustification.VulnerableCodeNotInExecutePath)]
    [InlineData("COMPONENT_NOT_PRESENT", VexJustification.ComponentNotPresent)]
    [InlineData("InlineMitigationsAlreadyExist", VexJustification.InlineMitigationsAlreadyExist)]
    public void VexJustifications_TryParse_ReadsOpenVexLabelsAndNames(string text, VexJustification expected)
    {
        Assert.True(VexJustifications.TryParse(text, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Fact]
    public void VexJustifications_Labels_AreTheFiveOfOpenVex()
    {
        // OpenVEX spec v0.2.0, "Status Justifications", in its order.
        Assert.Equal(
            "component_not_present, vulnerable_code_not_present, vulnerable_code_not_in_execute_path, vulnerable_code_cannot_be_controlled_by_adversary, inline_mitigations_already_exist",
            VexJustifications.Choices);
        Assert.False(VexJustifications.TryParse("because", out _));
    }

    [Theory]
    [InlineData(AssetLayer.Infrastructure, SsrmParty.Csp | SsrmParty.ModelProvider)]
    [InlineData(AssetLayer.Model, SsrmParty.ModelProvider)]
    [InlineData(AssetLayer.Orchestration, SsrmParty.OrchestratedServiceProvider | SsrmParty.ApplicationProvider)]
    [InlineData(AssetLayer.Application, SsrmParty.ApplicationProvider)]
    public void RemediationOwnership_AccountableFor_IsTheAis07Table(AssetLayer layer, SsrmParty expected) =>
        // seeds/001 (AIS-07) "Ownership / SSRM": PI shared CSP-MP, Model owned by MP, Orchestrated shared OSP-AP, Application owned by AP.
        Assert.Equal(expected, RemediationOwnership.AccountableFor(layer));

    [Theory]
    [InlineData(AssetLayer.Model, "OpenAI gpt-4o", true)]
    [InlineData(AssetLayer.Orchestration, "LangSmith", true)]
    [InlineData(AssetLayer.Infrastructure, "AWS Bedrock", true)]
    [InlineData(AssetLayer.Application, "OpenAI gpt-4o", false)]
    [InlineData(AssetLayer.Model, null, false)]
    [InlineData(AssetLayer.Model, "  ", false)]
    public void RemediationOwnership_NeedsDueDiligence_WhenAnUpstreamPartyIsAccountable(AssetLayer layer, string? upstream, bool expected) =>
        Assert.Equal(expected, RemediationOwnership.NeedsDueDiligence(layer, upstream));

    [Fact]
    public void RemediationOwnership_Describe_NamesBothPartiesOfSharedOwnership() =>
        Assert.Equal("Orchestrated service provider + Application provider", RemediationOwnership.Describe(RemediationOwnership.AccountableFor(AssetLayer.Orchestration)));

    [Theory]
    [InlineData(false, "", "", "platform", false)]
    [InlineData(true, "", "", "platform", true)]
    [InlineData(false, "security-lead", "", "platform", true)]
    [InlineData(false, "approver", "platform", "platform", true)]
    [InlineData(false, "approver", "data web", "platform", false)]
    [InlineData(false, "", "platform", null, false)]
    public void FindingAccess_CanAccess_AdminSecurityLeadOrOwnerTeam(bool admin, string roles, string teams, string? ownerTeam, bool expected)
    {
        var user = new User { UserName = "u", PasswordHash = "x", IsAdmin = admin, RoleList = roles, TeamList = teams };

        Assert.Equal(expected, FindingAccess.CanAccess(user, ownerTeam));
    }
}
