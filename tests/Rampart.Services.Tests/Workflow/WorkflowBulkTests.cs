using Microsoft.EntityFrameworkCore;
using Rampart.Core.Workflow;
using Rampart.Data;
using Rampart.Services.Findings;
using Rampart.Services.Tests.Support;
using Rampart.Services.Workflow;
using Rampart.Testing;
using static Rampart.Services.Tests.Workflow.WorkflowFixture;

namespace Rampart.Services.Tests.Workflow;

/// <summary>Bulk triage by the findings list's filter: all or nothing.</summary>
public sealed class WorkflowBulkTests
{
    private static readonly FindingFilter AlpineOpen = new(Asset: Asset, Status: Core.Findings.FindingStatus.Open);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bulk_TriageThenAssign_ChangesEverySelectedFindingWithATransitionEach(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var findings = await SetUpAsync(harness);

        var triaged = await BulkAsync(harness, new BulkRequest(AlpineOpen, BulkOperation.Triage, Comment: "weekly triage"), Lead);
        var assigned = await BulkAsync(harness, new BulkRequest(AlpineOpen, BulkOperation.Assign, Assignee: Engineer), Lead);

        Assert.Equal((4, 4), (triaged.Selected, triaged.Changed));
        Assert.Equal((4, 4), (assigned.Selected, assigned.Changed));
        var stored = await harness.FindingsAsync(Asset);
        Assert.All(stored, f => Assert.Equal((WorkflowState.Triaged, Engineer), (f.State, f.Assignee)));
        var transitions = await TransitionsAsync(harness);
        Assert.Equal(8, transitions.Count);
        Assert.All(transitions.Take(4), t => Assert.Equal((TransitionKind.Triage, WorkflowState.New, WorkflowState.Triaged, Lead, "bulk action: weekly triage"), (t.Kind, t.FromState, t.ToState, t.By, t.Comment)));
        Assert.Equal(findings.Select(f => f.Id).Order(), transitions.Take(4).Select(t => t.FindingId).Order());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bulk_OneFindingRefuses_NothingChanged(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var findings = await SetUpAsync(harness);
        await StepAsync(harness, findings[2].Id, WorkflowAction.Start, Engineer); // In progress: cannot be triaged

        var error = await Assert.ThrowsAsync<WorkflowRuleException>(() => BulkAsync(harness, new BulkRequest(AlpineOpen, BulkOperation.Triage), Lead));

        Assert.Equal(
            $"1 of the 4 selected findings refuse the action, so nothing was changed: finding {findings[2].Id} is In progress; it cannot move to Triaged (triage): only a New finding can be triaged.",
            error.Message);
        Assert.Equal([WorkflowState.New, WorkflowState.New, WorkflowState.InProgress, WorkflowState.New], (await harness.FindingsAsync(Asset)).Select(f => f.State));
        Assert.Single(await TransitionsAsync(harness));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bulk_NotAffectedAndAcceptRequest_CarryTheirDetails(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await SetUpAsync(harness);
        var twoOfThem = AlpineOpen with { Search = "libssl" }; // CVE-2019-1549 and CVE-2019-1551 in libssl1.1

        var requested = await BulkAsync(harness, new BulkRequest(twoOfThem, BulkOperation.AcceptRequest, Comment: "the vulnerable parser is never reached",
            Until: ServiceHarness.Start.AddDays(30), CompensatingControls: "WAF rule 4411 blocks the payload"), Engineer);
        var notAffected = await BulkAsync(harness, new BulkRequest(AlpineOpen with { Search = "libcrypto" }, BulkOperation.NotAffected,
            Justification: VexJustification.VulnerableCodeNotPresent), Lead);

        Assert.Equal((2, 2), (requested.Selected, requested.Changed));
        Assert.Equal((2, 2), (notAffected.Selected, notAffected.Changed));
        Assert.Equal(2, await harness.WithDbAsync(db => db.RiskAcceptances.CountAsync(a => a.Status == RiskAcceptanceStatus.Requested, TestContext.Current.CancellationToken)));
        var stored = await harness.FindingsAsync(Asset);
        Assert.Equal(2, stored.Count(f => f.State == WorkflowState.NotAffected && f.NotAffectedJustification == VexJustification.VulnerableCodeNotPresent));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bulk_AssignToOutsider_RefusedWithTheReason(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await SetUpAsync(harness);

        var error = await Assert.ThrowsAsync<WorkflowRuleException>(() => BulkAsync(harness, new BulkRequest(AlpineOpen, BulkOperation.Assign, Assignee: Outsider), Lead));

        Assert.StartsWith("4 of the 4 selected findings refuse the action, so nothing was changed: finding ", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be assigned to mallory", error.Message, StringComparison.Ordinal);
        Assert.All(await harness.FindingsAsync(Asset), f => Assert.Null(f.Assignee));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bulk_MoreThanTheCap_RefusedWithTheCount(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await SetUpAsync(harness);
        // 10,001 distinct findings in Rampart's generic JSON format (docs/formats/generic.md): one more than the cap.
        var findings = string.Join(",", Enumerable.Range(1, BulkTriageService.MaxFindings + 1)
            .Select(i => $$$"""{"title":"weak {{{i}}}","severity":"low","location":{"path":"src/f{{{i}}}.cs","line":1}}"""));
        var report = System.Text.Encoding.UTF8.GetBytes($$"""{"format":"rampart-generic","tool":{"name":"lint"},"findings":[{{findings}}]}""");
        await harness.ImportAsync("big", report, "big.json");

        var error = await Assert.ThrowsAsync<WorkflowRuleException>(() => BulkAsync(harness, new BulkRequest(new FindingFilter(Asset: "big"), BulkOperation.Triage), Lead));

        Assert.StartsWith("The filter selects 10,001 findings; a bulk action takes at most 10,000.", error.Message, StringComparison.Ordinal);
        Assert.Empty(await TransitionsAsync(harness));
    }

    private static Task<BulkResult> BulkAsync(ServiceHarness harness, BulkRequest request, string user) =>
        harness.RunAsync<BulkTriageService, BulkResult>(s => s.ApplyAsync(request, user, TestContext.Current.CancellationToken));
}
