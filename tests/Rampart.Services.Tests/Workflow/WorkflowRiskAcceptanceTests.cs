using Microsoft.EntityFrameworkCore;
using Rampart.Core.Workflow;
using Rampart.Data;
using Rampart.Services.Tests.Support;
using Rampart.Services.Workflow;
using Rampart.Testing;
using static Rampart.Services.Tests.Workflow.WorkflowFixture;

namespace Rampart.Services.Tests.Workflow;

/// <summary>
/// Risk acceptance under Rampart's default policy (no version in force): at most 90 days, approved by a security lead
/// (PolicyParameters.RiskAcceptance = (90, ["security-lead"])).
/// </summary>
public sealed class WorkflowRiskAcceptanceTests
{
    private const string Why = "the vulnerable parser is never reached";
    private const string Controls = "WAF rule 4411 blocks the payload";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Acceptance_RequestApproveExpire_ReopensAndNotifies(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var findings = await SetUpAsync(harness);
        var id = findings[0].Id;
        await harness.RunAsync<FindingWorkflowService>(s => s.AssignAsync(id, Engineer, Lead, null, TestContext.Current.CancellationToken));
        var until = ServiceHarness.Start.AddDays(30);

        var request = await harness.RunAsync<RiskAcceptanceService, RiskAcceptanceView>(s => s.RequestAsync(id, Why, Controls, until, Engineer, TestContext.Current.CancellationToken));
        Assert.Equal(WorkflowState.New, (await FindingAsync(harness, id)).State); // a request alone changes nothing
        harness.Clock.Advance(TimeSpan.FromDays(1));
        var approved = await harness.RunAsync<RiskAcceptanceService, RiskAcceptanceView>(s => s.ApproveAsync(request.Id, Lead, "agreed", TestContext.Current.CancellationToken));

        Assert.Equal((RiskAcceptanceStatus.Approved, Engineer, Lead, ServiceHarness.Start.AddDays(1), (int?)90, (long?)null),
            (approved.Status, approved.RequestedBy, approved.DecidedBy, approved.DecidedAt, approved.MaxDays, approved.PolicyVersionId));
        Assert.Equal((WorkflowState.RiskAccepted, Core.Findings.FindingStatus.RiskAccepted), ((await FindingAsync(harness, id)).State, (await FindingAsync(harness, id)).Status));

        // Day 29 after approval: not yet ended. Day 30 (the requested end): ended.
        harness.Clock.Advance(TimeSpan.FromDays(28));
        Assert.Equal(0, await harness.RunAsync<RiskAcceptanceService, int>(s => s.ExpireAsync(TestContext.Current.CancellationToken)));
        harness.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await harness.RunAsync<RiskAcceptanceService, int>(s => s.ExpireAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(0, await harness.RunAsync<RiskAcceptanceService, int>(s => s.ExpireAsync(TestContext.Current.CancellationToken)));

        var finding = await FindingAsync(harness, id);
        Assert.Equal((WorkflowState.Triaged, Core.Findings.FindingStatus.Open), (finding.State, finding.Status));
        var last = (await TransitionsAsync(harness))[^1];
        Assert.Equal((TransitionKind.AcceptanceExpired, WorkflowState.RiskAccepted, WorkflowState.Triaged, "system"), (last.Kind, last.FromState, last.ToState, last.By));
        var notes = await harness.WithDbAsync(db => db.Notifications.AsNoTracking().OrderBy(n => n.Recipient).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal([(Engineer, RiskAcceptanceService.ExpiredNotification), ("team:platform", RiskAcceptanceService.ExpiredNotification)], notes.Select(n => (n.Recipient, n.Kind)));
        var evidence = await harness.WithDbAsync(db => db.RiskAcceptances.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal((RiskAcceptanceStatus.Expired, (DateTimeOffset?)ServiceHarness.Start.AddDays(30)), (evidence.Status, evidence.ExpiredAt));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Acceptance_SelfApprovalOrNoRole_RefusedAndNothingChanged(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var findings = await SetUpAsync(harness);
        var request = await harness.RunAsync<RiskAcceptanceService, RiskAcceptanceView>(s =>
            s.RequestAsync(findings[0].Id, Why, Controls, ServiceHarness.Start.AddDays(10), Lead, TestContext.Current.CancellationToken));

        var self = await Assert.ThrowsAsync<WorkflowRuleException>(() =>
            harness.RunAsync<RiskAcceptanceService>(s => s.ApproveAsync(request.Id, Lead, null, TestContext.Current.CancellationToken)));
        var noRole = await Assert.ThrowsAsync<WorkflowRuleException>(() =>
            harness.RunAsync<RiskAcceptanceService>(s => s.ApproveAsync(request.Id, Engineer, null, TestContext.Current.CancellationToken)));

        Assert.Equal($"lead requested risk acceptance #{request.Id}; someone else must approve it.", self.Message);
        Assert.Equal("eve holds none of the roles Rampart defaults (no policy in force) lets approve risk acceptances (security-lead).", noRole.Message);
        var stored = await harness.WithDbAsync(db => db.RiskAcceptances.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal((RiskAcceptanceStatus.Requested, (string?)null), (stored.Status, stored.DecidedBy));
        Assert.Equal(WorkflowState.New, (await FindingAsync(harness, findings[0].Id)).State);
        Assert.Empty(await TransitionsAsync(harness));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Acceptance_BeyondPolicyMaximum_RefusedAndNothingStored(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var findings = await SetUpAsync(harness);

        // 91 days: one past the default maximum of 90; the message gives the last day allowed (1 March 2025 + 90 days = 30 May 2025).
        var error = await Assert.ThrowsAsync<WorkflowRuleException>(() => harness.RunAsync<RiskAcceptanceService>(s =>
            s.RequestAsync(findings[0].Id, Why, Controls, ServiceHarness.Start.AddDays(91), Engineer, TestContext.Current.CancellationToken)));

        Assert.Equal("The acceptance ends 2025-05-31, beyond the 90 days Rampart defaults (no policy in force) allows from now (at most 2025-05-30).", error.Message);
        Assert.Equal(0, await harness.WithDbAsync(db => db.RiskAcceptances.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Acceptance_ApprovedLate_MaximumCountsFromApproval(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var findings = await SetUpAsync(harness);
        var request = await harness.RunAsync<RiskAcceptanceService, RiskAcceptanceView>(s =>
            s.RequestAsync(findings[0].Id, Why, Controls, ServiceHarness.Start.AddDays(20), Engineer, TestContext.Current.CancellationToken));

        // Approval after the requested end: nothing left to accept.
        harness.Clock.Advance(TimeSpan.FromDays(21));
        var late = await Assert.ThrowsAsync<WorkflowRuleException>(() =>
            harness.RunAsync<RiskAcceptanceService>(s => s.ApproveAsync(request.Id, Lead, null, TestContext.Current.CancellationToken)));

        Assert.StartsWith("The acceptance must end in the future", late.Message, StringComparison.Ordinal);
        Assert.Equal(WorkflowState.New, (await FindingAsync(harness, findings[0].Id)).State);
    }
}
