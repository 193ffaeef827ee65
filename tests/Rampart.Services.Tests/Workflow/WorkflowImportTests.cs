using Rampart.Core.Findings;
using Rampart.Core.Workflow;
using Rampart.Data;
using Rampart.Services.Tests.Support;
using Rampart.Services.Workflow;
using Rampart.Testing;
using static Rampart.Services.Tests.Workflow.WorkflowFixture;

namespace Rampart.Services.Tests.Workflow;

/// <summary>Verification by scan (issue 6): a fix is verified closed only when a later scan of the same source no longer sees it.</summary>
public sealed class WorkflowImportTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindingLife_ImportToVerifiedClosure_EveryStepRecorded(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var findings = await SetUpAsync(harness);
        Assert.All(findings, f => Assert.Equal((WorkflowState.New, FindingStatus.Open), (f.State, f.Status)));
        var libssl = findings[3]; // the report's fourth vulnerability: CVE-2019-1551 in libssl1.1

        await harness.RunAsync<FindingWorkflowService>(s => s.AssignAsync(libssl.Id, Engineer, Lead, null, TestContext.Current.CancellationToken));
        await StepAsync(harness, libssl.Id, WorkflowAction.Triage, Lead);
        await StepAsync(harness, libssl.Id, WorkflowAction.Start, Engineer, "upgrading openssl");
        await StepAsync(harness, libssl.Id, WorkflowAction.MarkFixed, Engineer, "bumped base image");
        var rescan = await harness.ImportAsync(Asset, WithoutLast(), "alpine.json", scanDate: Day1.AddDays(1));

        var closed = await FindingAsync(harness, libssl.Id);
        Assert.Equal((WorkflowState.VerifiedClosed, FindingStatus.Fixed, 1), (closed.State, closed.Status, rescan.Closed));
        var history = await harness.RunAsync<FindingWorkflowService, IReadOnlyList<FindingTransitionView>>(s => s.HistoryAsync(libssl.Id, TestContext.Current.CancellationToken));
        Assert.Equal(
            [
                (TransitionKind.Assign, WorkflowState.New, WorkflowState.New, Lead, "assigned to eve"),
                (TransitionKind.Triage, WorkflowState.New, WorkflowState.Triaged, Lead, (string?)null),
                (TransitionKind.Start, WorkflowState.Triaged, WorkflowState.InProgress, Engineer, "upgrading openssl"),
                (TransitionKind.MarkFixed, WorkflowState.InProgress, WorkflowState.FixedAwaitingVerification, Engineer, "bumped base image"),
                (TransitionKind.ScanVerified, WorkflowState.FixedAwaitingVerification, WorkflowState.VerifiedClosed, $"scan #{rescan.ScanId}", $"no longer seen by scan #{rescan.ScanId}"),
            ],
            history.Select(t => (t.Kind, t.From, t.To, t.By, t.Comment)));
        Assert.Equal(rescan.ScanId, history[^1].ScanId);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_FixStillSeen_ReopensToInProgress(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var findings = await SetUpAsync(harness);
        await StepAsync(harness, findings[0].Id, WorkflowAction.MarkFixed, Engineer);

        var rescan = await harness.ImportAsync(Asset, ReportVariants.Bytes(ReportVariants.TrivyAlpine), "alpine.json", scanDate: Day1.AddDays(1));

        // The four are seen again: the one marked fixed is reopened, three unchanged.
        Assert.Equal((1, 3, 0), (rescan.Reopened, rescan.Unchanged, rescan.Closed));
        var finding = await FindingAsync(harness, findings[0].Id);
        Assert.Equal((WorkflowState.InProgress, FindingStatus.Open), (finding.State, finding.Status));
        var last = (await TransitionsAsync(harness))[^1];
        Assert.Equal((TransitionKind.ScanReopened, WorkflowState.FixedAwaitingVerification, WorkflowState.InProgress, $"still seen by scan #{rescan.ScanId}", (long?)rescan.ScanId),
            (last.Kind, last.FromState, last.ToState, last.Comment, last.ScanId));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_VerifiedClosedSeenAgain_ReopensToNew(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var findings = await SetUpAsync(harness);
        var closing = await harness.ImportAsync(Asset, WithoutLast(), "alpine.json", scanDate: Day1.AddDays(1));
        Assert.Equal(WorkflowState.VerifiedClosed, (await FindingAsync(harness, findings[3].Id)).State);

        var back = await harness.ImportAsync(Asset, ReportVariants.Bytes(ReportVariants.TrivyAlpine), "alpine.json", scanDate: Day1.AddDays(2));

        Assert.Equal(1, back.Reopened);
        Assert.Equal((WorkflowState.New, FindingStatus.Open), ((await FindingAsync(harness, findings[3].Id)).State, (await FindingAsync(harness, findings[3].Id)).Status));
        Assert.Equal(
            [(TransitionKind.ScanVerified, WorkflowState.New, WorkflowState.VerifiedClosed, (long?)closing.ScanId), (TransitionKind.ScanReopened, WorkflowState.VerifiedClosed, WorkflowState.New, back.ScanId)],
            (await TransitionsAsync(harness)).Select(t => (t.Kind, t.FromState, t.ToState, t.ScanId)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_HumanDecisions_SurviveRescansSeenOrGone(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var findings = await SetUpAsync(harness);
        await StepAsync(harness, findings[0].Id, WorkflowAction.MarkFalsePositive, Lead, "scanner misreads the version");
        await harness.RunAsync<FindingWorkflowService>(s => s.TransitionAsync(
            findings[3].Id, new WorkflowStep(WorkflowAction.MarkNotAffected, null, VexJustification.VulnerableCodeNotInExecutePath), Lead, TestContext.Current.CancellationToken));
        var before = (await TransitionsAsync(harness)).Count;

        await harness.ImportAsync(Asset, WithoutLast(), "alpine.json", scanDate: Day1.AddDays(1)); // [0] seen, [3] gone

        Assert.Equal(WorkflowState.FalsePositive, (await FindingAsync(harness, findings[0].Id)).State);
        var notAffected = await FindingAsync(harness, findings[3].Id);
        Assert.Equal((WorkflowState.NotAffected, FindingStatus.NotAffected, (VexJustification?)VexJustification.VulnerableCodeNotInExecutePath),
            (notAffected.State, notAffected.Status, notAffected.NotAffectedJustification));
        Assert.Equal(before, (await TransitionsAsync(harness)).Count);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_ModelWithUpstreamProvider_OpensDueDiligencePerNewFinding(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.WithDbAsync(async db =>
        {
            db.Assets.Add(new Core.Assets.Asset { Name = "chat-model", Layer = Core.Assets.AssetLayer.Model, UpstreamProvider = "OpenAI gpt-4o", CreatedAt = ServiceHarness.Start });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        await harness.ImportAsync("chat-model", ReportVariants.Bytes(ReportVariants.TrivyAlpine), "alpine.json", scanDate: Day1);
        await harness.ImportAsync("chat-model", ReportVariants.Bytes(ReportVariants.TrivyAlpine), "alpine.json", scanDate: Day1.AddDays(1));

        // Four findings, one item each (the second import adds none); the model layer is owned by the model provider (AIS-07).
        var items = await harness.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.DueDiligenceItems, TestContext.Current.CancellationToken));
        Assert.Equal(4, items.Count);
        Assert.All(items, d => Assert.Equal(("OpenAI gpt-4o", Core.Assets.SsrmParty.ModelProvider, DueDiligenceStatus.Open), (d.Vendor, d.AccountableParty, d.Status)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_ListenerRegistered_HearsScanSteps(DatabaseProvider provider)
    {
        var listener = new RecordingListener();
        await using var harness = await ServiceHarness.CreateAsync(provider, services =>
            Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddEnumerable(
                services, Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<IFindingWorkflowListener>(listener)));
        var findings = await SetUpAsync(harness);
        await StepAsync(harness, findings[3].Id, WorkflowAction.MarkFixed, Engineer);

        var rescan = await harness.ImportAsync(Asset, WithoutLast(), "alpine.json", scanDate: Day1.AddDays(1));

        Assert.Equal(
            [(findings[3].Id, WorkflowState.New, WorkflowState.FixedAwaitingVerification, (long?)null), (findings[3].Id, WorkflowState.FixedAwaitingVerification, WorkflowState.VerifiedClosed, rescan.ScanId)],
            listener.Heard.Select(e => (e.FindingId, e.From, e.To, e.ScanId)));
    }

    private sealed class RecordingListener : IFindingWorkflowListener
    {
        public List<FindingTransitionEvent> Heard { get; } = [];

        public Task OnTransitionsAsync(IReadOnlyList<FindingTransitionEvent> transitions, CancellationToken cancellationToken)
        {
            Heard.AddRange(transitions);
            return Task.CompletedTask;
        }
    }
}
