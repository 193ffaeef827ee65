using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Core.Notifications;
using Rampart.Core.Policies;
using Rampart.Core.Security;
using Rampart.Core.Workflow;
using Rampart.Data;
using Rampart.Services.Policies;
using Rampart.Services.Tests.Support;
using Rampart.Services.Workflow;
using Rampart.Testing;

namespace Rampart.Services.Tests.Workflow;

/// <summary>
/// The escalation chain executed with a clock the test moves. Rampart's default chain (PolicyParameters.Escalation,
/// also the starter template's) is: 3 days before the due date the assignee, on the due date the owner team's lead, 7
/// days after it the security lead. The four findings of Trivy's alpine 3.10 scan (corpus) get due dates set by hand
/// here, so every expected moment below is the due date plus the step's days.
/// </summary>
public sealed class EscalationTests
{
    private const string Asset = "alpine";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DefaultChain_FiresEachStepOnItsDayOnceAndToTheRightPeople(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        var start = ServiceHarness.Start;
        var (a, b, closed, fixedOne) = await FourFindingsAsync(harness, start.AddDays(5), start.AddDays(10));

        var atStart = await RunAsync(harness);
        Assert.Equal(0, atStart.Fired); // a's first step is at due − 3 days = start + 2 days

        harness.Clock.Advance(TimeSpan.FromDays(2));
        var reminder = await RunAsync(harness);
        var again = await RunAsync(harness);
        Assert.Equal([(-3, 1)], reminder.Steps.Where(s => s.Findings > 0).Select(s => (s.DaysAfterDue, s.Findings)));
        Assert.Equal(["alice"], reminder.Steps[0].Recipients); // a's assignee
        Assert.Equal(0, again.Fired); // once per finding and due date

        harness.Clock.Advance(TimeSpan.FromDays(3)); // start + 5: a breaches
        var breach = await RunAsync(harness);
        Assert.Equal([(0, 1)], breach.Steps.Where(s => s.Findings > 0).Select(s => (s.DaysAfterDue, s.Findings)));
        Assert.Equal(["tina"], breach.Steps.Single(s => s.DaysAfterDue == 0).Recipients); // the team lead of platform, the asset's owner team

        harness.Clock.Advance(TimeSpan.FromDays(7)); // start + 12: a is 7 days past due; b (due start + 10) was reminded and breached since
        var later = await RunAsync(harness);
        Assert.Equal([(-3, 1), (0, 1), (7, 1)], later.Steps.Select(s => (s.DaysAfterDue, s.Findings)));
        Assert.Equal(["team:platform"], later.Steps[0].Recipients); // b has no assignee: its owner team is reminded
        Assert.Equal(["tina"], later.Steps[1].Recipients);
        Assert.Equal(["sam"], later.Steps[2].Recipients); // the security lead; tom leads another team, root is only the last resort

        // The record an auditor reads: five steps happened, each against the due date it was measured from; the
        // risk-accepted and the fixed (awaiting verification) findings were never escalated although long overdue.
        var records = await harness.WithDbAsync(db => db.Escalations.AsNoTracking().OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(
            [(a, -3, "alice", start.AddDays(5), start.AddDays(2)), (a, 0, "tina", start.AddDays(5), start.AddDays(5)), (b, -3, "team:platform", start.AddDays(10), start.AddDays(12)),
             (b, 0, "tina", start.AddDays(10), start.AddDays(12)), (a, 7, "sam", start.AddDays(5), start.AddDays(12))],
            records.Select(e => (e.FindingId, e.DaysAfterDue, e.Recipients, e.DueDate, e.FiredAt)));
        Assert.DoesNotContain(records, e => e.FindingId == closed || e.FindingId == fixedOne);
        Assert.All(records, e => Assert.Null(e.PolicyVersionId)); // Rampart's defaults: no version in force

        var notifications = await harness.WithDbAsync(db => db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(
            [("alice", NotificationKinds.FindingReminder, "1 finding is due in 3 day(s)"), ("tina", NotificationKinds.FindingBreached, "1 finding passed its due date"),
             ("team:platform", NotificationKinds.FindingReminder, "1 finding is due in 3 day(s)"), ("tina", NotificationKinds.FindingBreached, "1 finding passed its due date"),
             ("sam", NotificationKinds.FindingEscalated, "Escalation: 1 finding is 7 day(s) past due")],
            notifications.Select(n => (n.Recipient, n.Kind, n.Subject)));
        Assert.Equal($"/findings/{a}", notifications[0].Link);
        Assert.Contains($"/findings/{a}", notifications[0].Body, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NewDueDate_FiresTheChainAgainMeasuredFromIt(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        var start = ServiceHarness.Start;
        var (a, _, _, _) = await FourFindingsAsync(harness, start.AddDays(1), start.AddDays(100));

        var first = await RunAsync(harness); // a's reminder moment (due − 3 = start − 2) has passed; its breach has not
        await harness.WithDbAsync(async db =>
        {
            var finding = await db.Findings.SingleAsync(f => f.Id == a, TestContext.Current.CancellationToken);
            finding.DueDate = start.AddDays(20); // e.g. recomputed by a new policy version
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        harness.Clock.Advance(TimeSpan.FromDays(16)); // start + 16: one day before the new reminder moment
        var before = await RunAsync(harness);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        var after = await RunAsync(harness);

        Assert.Equal([(-3, 1)], first.Steps.Where(s => s.Findings > 0).Select(s => (s.DaysAfterDue, s.Findings)));
        Assert.Equal(0, before.Fired);
        Assert.Equal([(-3, 1)], after.Steps.Where(s => s.Findings > 0).Select(s => (s.DaysAfterDue, s.Findings)));
        var dueDates = await harness.WithDbAsync(db => db.Escalations.AsNoTracking().Where(e => e.FindingId == a).OrderBy(e => e.Id).Select(e => e.DueDate).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal([start.AddDays(1), start.AddDays(20)], dueDates);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pause_UnderDefaults_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        var (a, _, _, _) = await FourFindingsAsync(harness, ServiceHarness.Start.AddDays(5), ServiceHarness.Start.AddDays(10));

        var error = await Assert.ThrowsAsync<WorkflowRuleException>(() =>
            harness.RunAsync<SlaService, SlaPause>(s => s.PauseAsync(a, "alice", "Waiting on Alpine's fixed package.", TestContext.Current.CancellationToken)));

        Assert.Equal(
            "The clock cannot be stopped: Rampart defaults (no policy in force) does not allow it while waiting on a vendor (pause-sla-while-waiting-on-vendor: false).",
            error.Message);
        var finding = (await harness.FindingsAsync(Asset)).Single(f => f.Id == a);
        Assert.Equal((null, ServiceHarness.Start.AddDays(5)), (finding.SlaPausedAt, finding.DueDate));
        Assert.Equal(0, await harness.WithDbAsync(db => db.SlaPauses.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pause_WhenThePolicyAllowsIt_StopsBreachAndEscalationAndResumeMovesTheDueDate(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        var start = ServiceHarness.Start;
        await PublishAsync(harness, "---\ntitle: Vendor waits allowed\nreview-interval-months: 12\npause-sla-while-waiting-on-vendor: true\n---\n# Policy\n");
        var (a, _, _, _) = await FourFindingsAsync(harness, start.AddDays(5), start.AddDays(100));

        harness.Clock.Advance(TimeSpan.FromDays(1)); // start + 1: before a's reminder (start + 2)
        var pause = await harness.RunAsync<SlaService, SlaPause>(s => s.PauseAsync(a, "alice", "Waiting on Alpine's fixed musl package.", TestContext.Current.CancellationToken));
        var twice = await Assert.ThrowsAsync<WorkflowRuleException>(() =>
            harness.RunAsync<SlaService, SlaPause>(s => s.PauseAsync(a, "alice", "Again, the same vendor.", TestContext.Current.CancellationToken)));
        harness.Clock.Advance(TimeSpan.FromDays(9)); // start + 10: past a's due date, but its clock stands still
        var whilePaused = await RunAsync(harness);
        var resumed = await harness.RunAsync<SlaService, SlaPause>(s => s.ResumeAsync(a, "alice", TestContext.Current.CancellationToken));
        var afterResume = await RunAsync(harness);

        Assert.NotNull(pause.PolicyVersionId);
        Assert.StartsWith($"Finding {a}'s clock has been stopped since", twice.Message, StringComparison.Ordinal);
        Assert.Equal(0, whilePaused.Fired);
        // Paused 9 days (start + 1 to start + 10): the due date moves from start + 5 to start + 14.
        Assert.Equal((start.AddDays(5), start.AddDays(14), start.AddDays(10)), (resumed.DueDateBefore, resumed.DueDateAfter, resumed.ResumedAt));
        var finding = (await harness.FindingsAsync(Asset)).Single(f => f.Id == a);
        Assert.Equal((null, start.AddDays(14)), (finding.SlaPausedAt, finding.DueDate));
        Assert.Equal(0, afterResume.Fired); // the reminder is now at start + 11
    }

    private static async Task PublishAsync(ServiceHarness harness, string text)
    {
        var version = await harness.RunAsync<PolicyService, PolicyVersion>(s => s.ImportAsync("vendor.md", text, "alice"));
        await harness.RunAsync<PolicyService, PolicyVersion>(s => s.SubmitAsync(version.Number, "alice"));
        await harness.RunAsync<PolicyService, PolicyVersion>(s => s.ApproveAsync(version.Number, "vera"));
        await harness.RunAsync<PolicyService, PolicyPublication>(s => s.PublishAsync(version.Number, "vera", PolicyDueDateChoice.Keep));
    }

    private static Task<EscalationRunResult> RunAsync(ServiceHarness harness) =>
        harness.RunAsync<EscalationService, EscalationRunResult>(s => s.RunAsync(TestContext.Current.CancellationToken));

    /// <summary>
    /// The four alpine findings, by id: a (due <paramref name="dueA"/>, assigned to alice), b (due
    /// <paramref name="dueB"/>, unassigned), one risk-accepted and one fixed awaiting verification (both due long ago).
    /// </summary>
    private static async Task<(long A, long B, long Closed, long Fixed)> FourFindingsAsync(ServiceHarness harness, DateTimeOffset dueA, DateTimeOffset dueB)
    {
        await harness.ImportAsync(Asset, ReportVariants.Bytes(ReportVariants.TrivyAlpine), "alpine.json");
        var ids = (await harness.FindingsAsync(Asset)).Select(f => f.Id).ToList();
        Assert.Equal(4, ids.Count);
        await harness.WithDbAsync(async db =>
        {
            var asset = await db.Assets.SingleAsync(x => x.Name == Asset, TestContext.Current.CancellationToken);
            asset.OwnerTeam = "platform";
            var findings = await db.Findings.Where(f => ids.Contains(f.Id)).OrderBy(f => f.Id).ToListAsync(TestContext.Current.CancellationToken);
            (findings[0].DueDate, findings[0].Assignee) = (dueA, "alice");
            findings[1].DueDate = dueB;
            (findings[2].DueDate, findings[2].State, findings[2].Status) = (ServiceHarness.Start.AddDays(-30), WorkflowState.RiskAccepted, FindingStatus.RiskAccepted);
            (findings[3].DueDate, findings[3].State) = (ServiceHarness.Start.AddDays(-30), WorkflowState.FixedAwaitingVerification);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        return (ids[0], ids[1], ids[2], ids[3]);
    }

    private static async Task<ServiceHarness> CreateAsync(DatabaseProvider provider)
    {
        var harness = await ServiceHarness.CreateAsync(provider);
        await harness.WithDbAsync(async db =>
        {
            db.Users.AddRange(
                new User { UserName = "alice", PasswordHash = "-", TeamList = "platform" },
                new User { UserName = "tina", PasswordHash = "-", RoleList = Roles.TeamLead, TeamList = "platform" },
                new User { UserName = "tom", PasswordHash = "-", RoleList = Roles.TeamLead, TeamList = "finance" },
                new User { UserName = "sam", PasswordHash = "-", RoleList = Roles.SecurityLead, TeamList = "security" },
                new User { UserName = "vera", PasswordHash = "-", RoleList = Roles.Approver },
                new User { UserName = "root", PasswordHash = "-", IsAdmin = true });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        return harness;
    }
}
