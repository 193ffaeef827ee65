using Microsoft.EntityFrameworkCore;
using Rampart.Core.Workflow;
using Rampart.Data;
using Rampart.Services.Tests.Support;
using Rampart.Services.Workflow;
using Rampart.Testing;
using static Rampart.Services.Tests.Workflow.WorkflowFixture;

namespace Rampart.Services.Tests.Workflow;

/// <summary>People's steps: refusals are clear and change nothing (issue 6, "Bad input").</summary>
public sealed class WorkflowStepTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Transition_FromClosedWithoutReopen_RefusedAndNothingChanged(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var findings = await SetUpAsync(harness);
        await StepAsync(harness, findings[0].Id, WorkflowAction.MarkFalsePositive, Engineer, "test fixture only");
        var before = await FindingAsync(harness, findings[0].Id);

        var error = await Assert.ThrowsAsync<WorkflowRuleException>(() => StepAsync(harness, findings[0].Id, WorkflowAction.Start, Engineer));

        Assert.Equal($"finding {findings[0].Id} is False positive; it cannot move to In progress (start): a closed finding must be reopened first (reopen). Allowed: reopen.", error.Message);
        var after = await FindingAsync(harness, findings[0].Id);
        Assert.Equal((before.State, before.Status, before.StatusChangedAt), (after.State, after.Status, after.StatusChangedAt));
        Assert.Single(await TransitionsAsync(harness));

        var reopened = await StepAsync(harness, findings[0].Id, WorkflowAction.Reopen, Engineer, "the scanner was right");
        Assert.Equal((WorkflowState.FalsePositive, WorkflowState.Triaged), (reopened.From, reopened.To));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_ByEngineer_RefusedButSecurityLeadWithNoteVerifies(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var findings = await SetUpAsync(harness);
        await StepAsync(harness, findings[0].Id, WorkflowAction.MarkFixed, Engineer);

        var byEngineer = await Assert.ThrowsAsync<WorkflowRuleException>(() => StepAsync(harness, findings[0].Id, WorkflowAction.Verify, Engineer, "looks fixed"));
        var withoutNote = await Assert.ThrowsAsync<WorkflowRuleException>(() => StepAsync(harness, findings[0].Id, WorkflowAction.Verify, Lead));
        Assert.Contains("only an admin or a security lead may", byEngineer.Message, StringComparison.Ordinal);
        Assert.Contains("note saying how the fix was verified is required", withoutNote.Message, StringComparison.Ordinal);
        Assert.Equal(WorkflowState.FixedAwaitingVerification, (await FindingAsync(harness, findings[0].Id)).State);

        var verified = await StepAsync(harness, findings[0].Id, WorkflowAction.Verify, Lead, "checked the running image by hand");

        Assert.Equal((WorkflowState.VerifiedClosed, Lead, "checked the running image by hand"), (verified.To, verified.By, verified.Comment));
        Assert.Equal(Core.Findings.FindingStatus.Fixed, (await FindingAsync(harness, findings[0].Id)).Status);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Assign_UserWithoutAccess_RefusedAndNothingChanged(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var findings = await SetUpAsync(harness);

        var error = await Assert.ThrowsAsync<WorkflowRuleException>(() =>
            harness.RunAsync<FindingWorkflowService>(s => s.AssignAsync(findings[0].Id, Outsider, Lead, null, TestContext.Current.CancellationToken)));
        var byOutsider = await Assert.ThrowsAsync<WorkflowRuleException>(() =>
            harness.RunAsync<FindingWorkflowService>(s => s.AssignAsync(findings[0].Id, Engineer, Outsider, null, TestContext.Current.CancellationToken)));

        Assert.Equal(
            $"Finding {findings[0].Id} cannot be assigned to mallory: mallory has no access to asset alpine-image (owner team platform): only an admin, a security lead or a member of the asset's owner team may work on its findings.",
            error.Message);
        Assert.StartsWith("mallory has no access to asset alpine-image", byOutsider.Message, StringComparison.Ordinal);
        Assert.Null((await FindingAsync(harness, findings[0].Id)).Assignee);
        Assert.Empty(await TransitionsAsync(harness));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Assign_TeamMemberThenReassign_RecordsBoth(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var findings = await SetUpAsync(harness);

        await harness.RunAsync<FindingWorkflowService>(s => s.AssignAsync(findings[0].Id, Engineer, Lead, null, TestContext.Current.CancellationToken));
        var again = await harness.RunAsync<FindingWorkflowService, FindingTransitionView?>(s => s.AssignAsync(findings[0].Id, Engineer, Lead, null, TestContext.Current.CancellationToken));
        await harness.RunAsync<FindingWorkflowService>(s => s.AssignAsync(findings[0].Id, Colleague, Engineer, "on holiday", TestContext.Current.CancellationToken));

        Assert.Null(again); // already assigned so: nothing recorded
        Assert.Equal(Colleague, (await FindingAsync(harness, findings[0].Id)).Assignee);
        Assert.Equal(["assigned to eve", "assigned to sam (was eve): on holiday"], (await TransitionsAsync(harness)).Select(t => t.Comment));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SideExits_MissingJustificationOrSelfDuplicate_Refused(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var findings = await SetUpAsync(harness);
        var id = findings[0].Id;

        var noJustification = await Assert.ThrowsAsync<WorkflowRuleException>(() => StepAsync(harness, id, WorkflowAction.MarkNotAffected, Engineer, "not used"));
        var self = await Assert.ThrowsAsync<WorkflowRuleException>(() => harness.RunAsync<FindingWorkflowService>(s =>
            s.TransitionAsync(id, new WorkflowStep(WorkflowAction.MarkDuplicate, DuplicateOf: id), Engineer, TestContext.Current.CancellationToken)));
        var missing = await Assert.ThrowsAsync<WorkflowRuleException>(() => harness.RunAsync<FindingWorkflowService>(s =>
            s.TransitionAsync(id, new WorkflowStep(WorkflowAction.MarkDuplicate, DuplicateOf: 999_999), Engineer, TestContext.Current.CancellationToken)));
        var accept = await Assert.ThrowsAsync<WorkflowRuleException>(() => StepAsync(harness, id, WorkflowAction.AcceptRisk, Lead));

        Assert.StartsWith($"Say why finding {id} is not affected: one of component_not_present,", noJustification.Message, StringComparison.Ordinal);
        Assert.Equal($"Finding {id} cannot duplicate itself.", self.Message);
        Assert.Equal($"Finding {id} cannot duplicate finding 999999: there is no finding 999999.", missing.Message);
        Assert.Contains("another person approves", accept.Message, StringComparison.Ordinal);
        Assert.Equal(WorkflowState.New, (await FindingAsync(harness, id)).State);
        Assert.Empty(await TransitionsAsync(harness));

        var duplicate = await harness.RunAsync<FindingWorkflowService, FindingTransitionView>(s =>
            s.TransitionAsync(id, new WorkflowStep(WorkflowAction.MarkDuplicate, DuplicateOf: findings[1].Id), Engineer, TestContext.Current.CancellationToken));
        Assert.Equal(WorkflowState.Duplicate, duplicate.To);
        var stored = await FindingAsync(harness, id);
        Assert.Equal((Core.Findings.FindingStatus.Duplicate, (long?)findings[1].Id), (stored.Status, stored.DuplicateOfId));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MarkFixed_ByTicketConnector_MovesOnceThenIsANoOp(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var findings = await SetUpAsync(harness);

        var first = await harness.RunAsync<FindingWorkflowService, FindingTransitionView?>(s => s.MarkFixedAsync(findings[0].Id, "jira:SEC-12", "ticket closed", TestContext.Current.CancellationToken));
        var second = await harness.RunAsync<FindingWorkflowService, FindingTransitionView?>(s => s.MarkFixedAsync(findings[0].Id, "jira:SEC-12", "ticket closed", TestContext.Current.CancellationToken));

        Assert.Equal((WorkflowState.New, WorkflowState.FixedAwaitingVerification, "jira:SEC-12"), (first!.From, first.To, first.By));
        Assert.Null(second);
        Assert.Single(await TransitionsAsync(harness));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Mine_AssignedAndTeamUnassigned_InPriorityThenDueDateOrder(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var findings = await SetUpAsync(harness);
        // Give the four distinct priorities and due dates by hand: [2] P1, [0] P2 due later, [1] P2 due sooner, [3] P3.
        await harness.WithDbAsync(async db =>
        {
            var ct = TestContext.Current.CancellationToken;
            (long Id, Core.Findings.Priority Priority, int Days)[] plan = [(findings[0].Id, Core.Findings.Priority.P2, 20), (findings[1].Id, Core.Findings.Priority.P2, 10), (findings[2].Id, Core.Findings.Priority.P1, 30), (findings[3].Id, Core.Findings.Priority.P3, 5)];
            foreach (var (id, priority, days) in plan)
            {
                await db.Findings.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Priority, priority).SetProperty(f => f.DueDate, Day1.AddDays(days)), ct);
            }
        });
        foreach (var finding in findings.Take(3))
        {
            await harness.RunAsync<FindingWorkflowService>(s => s.AssignAsync(finding.Id, Engineer, Lead, null, TestContext.Current.CancellationToken));
        }

        await StepAsync(harness, findings[1].Id, WorkflowAction.MarkFalsePositive, Engineer, "not exploitable here"); // closed: off the list

        var mine = await harness.RunAsync<WorkQueries, IReadOnlyList<WorkItem>>(q => q.MineAsync(Engineer, false, 100, TestContext.Current.CancellationToken));
        var withTeam = await harness.RunAsync<WorkQueries, IReadOnlyList<WorkItem>>(q => q.MineAsync(Engineer, true, 100, TestContext.Current.CancellationToken));
        var colleague = await harness.RunAsync<WorkQueries, IReadOnlyList<WorkItem>>(q => q.MineAsync(Colleague, false, 100, TestContext.Current.CancellationToken));

        Assert.Equal([findings[2].Id, findings[0].Id], mine.Select(w => w.Id));
        Assert.Equal([findings[2].Id, findings[0].Id, findings[3].Id], withTeam.Select(w => w.Id)); // [3] is the team's, unassigned
        Assert.Empty(colleague);
    }
}
