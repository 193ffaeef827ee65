using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Core.Policies;
using Rampart.Core.Security;
using Rampart.Data;
using Rampart.Services.Policies;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Policies;

/// <summary>The policy's lifecycle on both databases: draft → review → approval by another person → in force → acknowledged.</summary>
public sealed class PolicyLifecycleTests
{
    private const string Author = "alice";
    private const string Approver = "bob";
    private const string Reader = "carol";

    // Remediation days chosen so every value differs from Rampart's defaults (7/30/90/180).
    private const string Policy =
        """
        ---
        title: Acme TVM policy
        remediation-days: {P1: 5, P2: 20, P3: 60, P4: 120}
        review-interval-months: 12
        stakeholders: {users: [alice], teams: [platform], parties: [model-provider]}
        ---
        # Acme threat and vulnerability management

        Findings are fixed within the days above.
        """;

    private static readonly DateTimeOffset ScanDate = new(2025, 1, 15, 0, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Lifecycle_DraftToPublished_RecordsEveryStepAndAppliesTheNewDays(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        await harness.ImportAsync("alpine", ReportVariants.Bytes(ReportVariants.TrivyAlpine), "alpine.json", scanDate: ScanDate);
        Assert.All(await harness.FindingsAsync("alpine"), f => Assert.Equal((Priority.P4, ScanDate.AddDays(180), (long?)null), (f.Priority, f.DueDate, f.PolicyVersionId)));

        var draft = await Policies(harness, s => s.ImportAsync("acme.md", Policy, Author));
        await Policies(harness, s => s.SubmitAsync(1, Author, "ready for review"));
        var approved = await Policies(harness, s => s.ApproveAsync(1, Approver, "looks right"));
        var published = await Policies(harness, s => s.PublishAsync(1, Author, PolicyDueDateChoice.Recompute));

        Assert.Equal((1, PolicyStatus.Draft), (draft.Number, draft.Status));
        Assert.Equal((Approver, draft.ContentHash), (approved.ApprovedBy, approved.ApprovedHash));
        var today = DateOnly.FromDateTime(ServiceHarness.Start.UtcDateTime);
        Assert.Equal(today.AddMonths(12), approved.NextReviewDue);
        Assert.Equal((PolicyStatus.Published, (int?)null), (published.Version.Status, published.Superseded));

        // The four alpine findings are P4: first seen + 120 days of this version, and they say which version set it.
        Assert.Equal(4, published.DueDatesRecomputed);
        Assert.All(await harness.FindingsAsync("alpine"), f => Assert.Equal((ScanDate.AddDays(120), (long?)published.Version.Id), (f.DueDate, f.PolicyVersionId)));

        var transitions = await harness.WithDbAsync(db => db.PolicyTransitions.AsNoTracking().OrderBy(t => t.Id).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(
            [(null, PolicyStatus.Draft, Author), (PolicyStatus.Draft, PolicyStatus.InReview, Author), (PolicyStatus.InReview, PolicyStatus.Approved, Approver), (PolicyStatus.Approved, PolicyStatus.Published, Author)],
            transitions.Select(t => ((PolicyStatus?)t.FromStatus, t.ToStatus, t.By)));
        Assert.All(transitions, t => Assert.Equal(draft.ContentHash, t.ContentHash));

        // Told: alice (named), bob and carol (team platform), and the model provider as a party.
        var told = await harness.WithDbAsync(db => db.Notifications.AsNoTracking().Select(n => n.Recipient).OrderBy(r => r).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal([Author, Approver, Reader, "party:model-provider"], told.Order(StringComparer.Ordinal));
        Assert.Equal(4, published.Notified);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approve_ByTheAuthorOrWithoutTheRole_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        await Policies(harness, s => s.ImportAsync("acme.md", Policy, Author));
        await Policies(harness, s => s.SubmitAsync(1, Author));
        await harness.WithDbAsync(async db =>
        {
            var alice = await db.Users.SingleAsync(u => u.UserName == Author, TestContext.Current.CancellationToken);
            alice.RoleList = Roles.Approver; // even an approver may not approve what they wrote
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var self = await Assert.ThrowsAsync<PolicyRuleException>(() => Policies(harness, s => s.ApproveAsync(1, Author)));
        var noRole = await Assert.ThrowsAsync<PolicyRuleException>(() => Policies(harness, s => s.ApproveAsync(1, Reader)));

        Assert.Equal("alice wrote version 1; the approver must be someone other than the author.", self.Message);
        Assert.Equal("carol does not hold the approver role; only an approver can approve a policy version.", noRole.Message);
        var version = await harness.WithDbAsync(db => db.PolicyVersions.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal((PolicyStatus.InReview, (string?)null, (string?)null), (version.Status, version.ApprovedBy, version.ApprovedHash));
        Assert.Equal(2, await harness.WithDbAsync(db => db.PolicyTransitions.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publish_Unapproved_IsRefusedAndNothingIsInForce(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        await Policies(harness, s => s.ImportAsync("acme.md", Policy, Author));

        await Assert.ThrowsAsync<PolicyRuleException>(() => Policies(harness, s => s.PublishAsync(1, Author, PolicyDueDateChoice.Keep)));

        Assert.False(await harness.WithDbAsync(db => db.PolicyVersions.AnyAsync(v => v.Status == PolicyStatus.Published, TestContext.Current.CancellationToken)));
        Assert.Equal(0, await harness.WithDbAsync(db => db.Notifications.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publish_SecondVersion_SupersedesTheFirstAndOnlyTheNewOneCanBeAcknowledged(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        await PublishAsync(harness, Policy, PolicyDueDateChoice.Keep);
        var first = await Policies(harness, s => s.AcknowledgeAsync(1, Reader));

        var second = await PublishAsync(harness, Policy.Replace("P1: 5", "P1: 3", StringComparison.Ordinal), PolicyDueDateChoice.Keep);
        var old = await Assert.ThrowsAsync<PolicyRuleException>(() => Policies(harness, s => s.AcknowledgeAsync(1, Reader)));
        var ack = await Policies(harness, s => s.AcknowledgeAsync(2, Reader));
        var again = await Policies(harness, s => s.AcknowledgeAsync(2, Reader));

        Assert.False(first.AlreadyAcknowledged);
        Assert.Equal(1, second.Superseded);
        Assert.Equal("version 1 is Superseded, not in force; only the published version can be acknowledged (version 2).", old.Message);
        Assert.Equal((false, true), (ack.AlreadyAcknowledged, again.AlreadyAcknowledged));
        Assert.Equal(second.Version.ContentHash, ack.Acknowledgement.ContentHash);
        var statuses = await harness.WithDbAsync(db => db.PolicyVersions.AsNoTracking().OrderBy(v => v.Number).Select(v => v.Status).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal([PolicyStatus.Superseded, PolicyStatus.Published], statuses);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publish_KeepDueDates_LeavesOpenFindingsAndNewFindingsUseTheNewDays(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        await harness.ImportAsync("alpine", ReportVariants.Bytes(ReportVariants.TrivyAlpine), "alpine.json", scanDate: ScanDate);

        var published = await PublishAsync(harness, Policy, PolicyDueDateChoice.Keep);
        await harness.ImportAsync("alpine-2", ReportVariants.Bytes(ReportVariants.TrivyAlpine), "alpine.json", scanDate: ScanDate);

        Assert.Equal(0, published.DueDatesRecomputed);
        Assert.All(await harness.FindingsAsync("alpine"), f => Assert.Equal((ScanDate.AddDays(180), (long?)null), (f.DueDate, f.PolicyVersionId)));
        Assert.All(await harness.FindingsAsync("alpine-2"), f => Assert.Equal((ScanDate.AddDays(120), (long?)published.Version.Id), (f.DueDate, f.PolicyVersionId)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_ReviewIntervalOverTwelveMonths_IsRefusedWithFileAndLine(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);

        var error = await Assert.ThrowsAsync<PolicyFormatException>(() =>
            Policies(harness, s => s.ImportAsync("acme.md", Policy.Replace("review-interval-months: 12", "review-interval-months: 18", StringComparison.Ordinal), Author)));

        Assert.StartsWith("acme.md:4:", error.Message, StringComparison.Ordinal); // line 4 of the document holds the key
        Assert.Contains("18", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await harness.WithDbAsync(db => db.PolicyVersions.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Evidence_AfterPublishAndOneAcknowledgement_ShowsApprovalCoverageAndReview(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        await harness.ImportAsync("alpine", ReportVariants.Bytes(ReportVariants.TrivyAlpine), "alpine.json", scanDate: ScanDate);
        await PublishAsync(harness, Policy, PolicyDueDateChoice.Recompute);
        await Policies(harness, s => s.AcknowledgeAsync(1, Reader));

        var evidence = await harness.RunAsync<PolicyQueries, PolicyEvidence>(q => q.EvidenceAsync(TestContext.Current.CancellationToken));

        Assert.Equal((Approver, evidence.Version.ContentHash), (evidence.Version.ApprovedBy, evidence.Version.ApprovedHash));
        // Required: alice (named) + bob and carol (team platform) = 3; carol acknowledged.
        Assert.Equal((3, 1), (evidence.Acknowledgements.Required, evidence.Acknowledgements.Acknowledged));
        Assert.Equal([Author, Approver], evidence.Acknowledgements.Missing.Order(StringComparer.Ordinal));
        Assert.Equal(new TeamCoverage("platform", 2, 1), Assert.Single(evidence.Acknowledgements.ByTeam));
        Assert.False(evidence.Review.Overdue);
        // 4 open findings under version 1, due ScanDate + 120 = 2025-05-15, the harness clock is 2025-03-01: none overdue.
        Assert.Equal((4, 0, 0, 0, (double?)1.0), (evidence.Sla.Open, evidence.Sla.Overdue, evidence.Sla.Fixed, evidence.Sla.FixedOnTime, evidence.Sla.Compliance));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Checks_AWeekAfterPublication_RemindOnlyThoseWhoHaveNotAcknowledgedOncePerWeek(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        await PublishAsync(harness, Policy, PolicyDueDateChoice.Keep);
        await Policies(harness, s => s.AcknowledgeAsync(1, Reader));

        var early = await Checks(harness);
        harness.Clock.Advance(TimeSpan.FromDays(8));
        var first = await Checks(harness);
        var again = await Checks(harness);

        Assert.Equal(0, early.AcknowledgementReminders); // the publication notice is a day old
        Assert.Equal(2, first.AcknowledgementReminders); // alice and bob; carol acknowledged
        Assert.Equal(0, again.AcknowledgementReminders);
        var reminded = await harness.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKinds.PolicyAckReminder).Select(n => n.Recipient).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal([Author, Approver], reminded.Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Checks_AssetOfALayerOutsideTheScope_RaisesOneSignificantChangeAndTheReviewIsDueNow(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        var narrow = Policy.Replace("review-interval-months: 12", "review-interval-months: 12\nscope: {layers: [application, model], parties: [application-provider]}", StringComparison.Ordinal);
        await PublishAsync(harness, narrow, PolicyDueDateChoice.Keep);
        await harness.WithDbAsync(async db =>
        {
            db.Assets.Add(new Rampart.Core.Assets.Asset { Name = "training-set", Kind = Rampart.Core.Assets.AssetKind.Dataset, Layer = Rampart.Core.Assets.AssetLayer.Model, CreatedAt = ServiceHarness.Start });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var first = await Checks(harness);
        var again = await Checks(harness);
        var evidence = await harness.RunAsync<PolicyQueries, PolicyEvidence>(q => q.EvidenceAsync(TestContext.Current.CancellationToken));

        Assert.Equal((1, 0), (first.SignificantChangesRaised, again.SignificantChangesRaised));
        var change = Assert.Single(evidence.Review.OpenSignificantChanges);
        Assert.Equal((SignificantChangeKind.NewAssetLayer, (PolicyLayer?)PolicyLayer.Data, (string?)null), (change.Kind, change.Layer, change.RecordedBy));
        Assert.Equal(DateOnly.FromDateTime(ServiceHarness.Start.UtcDateTime), evidence.Review.ReviewDue); // due now, not in 12 months
        Assert.Equal([PolicyLayer.Data], evidence.Scope.UncoveredAssetLayers);
        Assert.True(first.ReviewNotices > 0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Exemption_ApprovedByAnotherSecurityLead_DelaysDueDatesUntilItExpires(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        await harness.ImportAsync("alpine", ReportVariants.Bytes(ReportVariants.TrivyAlpine), "alpine.json", scanDate: ScanDate);
        await PublishAsync(harness, Policy, PolicyDueDateChoice.Recompute); // alpine P4: due ScanDate + 120 = 2025-05-15
        var ends = ServiceHarness.Start.AddDays(80); // 2025-05-20, within the default 90-day maximum
        var too = await Assert.ThrowsAsync<PolicyRuleException>(() => Exemptions(harness, s => s.RequestAsync("alpine", null, "vendor patch not yet released", "WAF rule 942100 blocks the vector", ServiceHarness.Start.AddDays(91), Reader)));
        var requested = await Exemptions(harness, s => s.RequestAsync("alpine", null, "vendor patch not yet released", "WAF rule 942100 blocks the vector", ends, Reader));
        var self = await Assert.ThrowsAsync<PolicyRuleException>(() => Exemptions(harness, s => s.ApproveAsync(requested.Id, Reader)));
        var noRole = await Assert.ThrowsAsync<PolicyRuleException>(() => Exemptions(harness, s => s.ApproveAsync(requested.Id, Author)));

        await Exemptions(harness, s => s.ApproveAsync(requested.Id, Approver)); // bob is a security lead
        var during = await harness.FindingsAsync("alpine");
        harness.Clock.Advance(TimeSpan.FromDays(81));
        var ended = await Checks(harness);
        var after = await harness.FindingsAsync("alpine");

        Assert.Contains("beyond the 90 days policy v1 allows", too.Message, StringComparison.Ordinal);
        Assert.Equal($"carol requested exception {requested.Id}; someone else must approve it.", self.Message);
        Assert.Contains("holds none of the roles", noRole.Message, StringComparison.Ordinal);
        Assert.All(during, f => Assert.Equal(ends, f.DueDate));
        Assert.Equal(1, ended.ExemptionsEnded);
        Assert.All(after, f => Assert.Equal(ScanDate.AddDays(120), f.DueDate));
    }

    private static async Task<ServiceHarness> CreateAsync(DatabaseProvider provider)
    {
        var harness = await ServiceHarness.CreateAsync(provider);
        await harness.WithDbAsync(async db =>
        {
            db.Users.AddRange(
                new User { UserName = Author, PasswordHash = "-", TeamList = "security" },
                new User { UserName = Approver, PasswordHash = "-", RoleList = $"{Roles.Approver} {Roles.SecurityLead}", TeamList = "platform security" },
                new User { UserName = Reader, PasswordHash = "-", TeamList = "platform" },
                new User { UserName = "dave", PasswordHash = "-", TeamList = "finance" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        return harness;
    }

    private static async Task<PolicyPublication> PublishAsync(ServiceHarness harness, string text, PolicyDueDateChoice dueDates)
    {
        var version = await Policies(harness, s => s.ImportAsync("acme.md", text, Author));
        await Policies(harness, s => s.SubmitAsync(version.Number, Author));
        await Policies(harness, s => s.ApproveAsync(version.Number, Approver));
        return await Policies(harness, s => s.PublishAsync(version.Number, Author, dueDates));
    }

    private static Task<T> Policies<T>(ServiceHarness harness, Func<PolicyService, Task<T>> action) =>
        harness.RunAsync<PolicyService, T>(action);

    private static Task<T> Exemptions<T>(ServiceHarness harness, Func<PolicyExemptionService, Task<T>> action) =>
        harness.RunAsync<PolicyExemptionService, T>(action);

    private static Task<PolicyCheckResult> Checks(ServiceHarness harness) =>
        harness.RunAsync<PolicyChecks, PolicyCheckResult>(c => c.RunAsync(TestContext.Current.CancellationToken));
}
