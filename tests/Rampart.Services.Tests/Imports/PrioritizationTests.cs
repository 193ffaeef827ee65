using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Findings;
using Rampart.Core.Prioritization;
using Rampart.Core.Prioritization.Ssvc;
using Rampart.Data;
using Rampart.Services.Feeds;
using Rampart.Services.Prioritization;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Imports;

/// <summary>
/// Import decides each finding through the SSVC tree with the feeds loaded at that time; a later feed load re-decides
/// open findings with the real <see cref="Reprioritizer"/>, records each change and tells the listeners.
/// Expected outcomes are rows of the CISA decision table (see Rampart.Core.Tests' SsvcTreeTests); the asset is new:
/// internal, medium criticality → mission and well-being medium.
/// </summary>
public sealed class PrioritizationTests : IDisposable
{
    private const string Kev = "kev/known_exploited_vulnerabilities.json";
    private const string Epss = "epss/epss_2026-09-29_first534rows.csv";

    // CVE-2025-48384 is in the corpus KEV catalog (dateAdded 2025-08-25, dueDate 2025-09-15);
    // CVE-1999-0002 has EPSS 0.27858 in the corpus EPSS day 2026-09-29; the CVE-2099 ids are in no feed.
    private const string InKev = "CVE-2025-48384";
    private const string HighEpss = "CVE-1999-0002";

    private static readonly DateTimeOffset ScanDate = new(2025, 1, 15, 0, 0, 0, TimeSpan.Zero);

    private readonly ScratchFolder _scratch = new();
    private readonly RecordingListener _listener = new();

    public void Dispose() => _scratch.Dispose();

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_WithFeedsLoaded_DecidesThroughTheSsvcTree(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        await LoadFeedsAsync(harness);

        await harness.ImportAsync("scored", Report(), "scored.json", scanDate: ScanDate);

        var findings = (await harness.FindingsAsync("scored")).ToDictionary(f => f.VulnerabilityIds.Split(' ')[0]);

        // active (KEV) · automatable · total · medium → Act → P1, due first seen + 7 days.
        AssertDecided(findings[InKev], Severity.Critical, 9.8, SsvcOutcome.Act, Priority.P1, days: 7);
        Assert.StartsWith("KEV since 2025-08-25 · internal · automatable (AV:N/AC:L/PR:N/UI:N) · total impact", findings[InKev].PriorityReasons, StringComparison.Ordinal);

        // none · automatable · partial (C:H/I:N) · medium → Track → P4, whatever the tool said (CRITICAL).
        AssertDecided(findings["CVE-2099-1002"], Severity.High, 7.5, SsvcOutcome.Track, Priority.P4, days: 180);

        // public PoC (EPSS 0.27858 ≥ 0.1) · not automatable (AV:L) · total · medium → Track* → P3.
        AssertDecided(findings[HighEpss], Severity.High, 7.8, SsvcOutcome.TrackStar, Priority.P3, days: 90);
        Assert.Contains("EPSS 0.27858 (percentile 98) on 2026-09-29", findings[HighEpss].PriorityReasons, StringComparison.Ordinal);

        // none · not automatable (AC:H, UI:R) · partial · medium → Track → P4.
        AssertDecided(findings["CVE-2099-1004"], Severity.Low, 3.1, SsvcOutcome.Track, Priority.P4, days: 180);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FeedLoad_AfterImport_ReDecidesRecordsTheChangeAndTellsListenersOfTheNewP1(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        await harness.ImportAsync("scored", Report(), "scored.json", scanDate: ScanDate);
        Assert.All(await harness.FindingsAsync("scored"), f => Assert.Equal(SsvcOutcome.Track, f.Ssvc)); // no feeds yet: all none → Track
        harness.Clock.Advance(TimeSpan.FromDays(10));
        var loadedAt = harness.Clock.GetUtcNow();

        var kev = await harness.RunAsync<FeedUpdateService, FeedUpdateResult>(s => s.UpdateKevAsync(Corpus.File(Kev), null, TestContext.Current.CancellationToken));

        // Of the four open findings only the KEV one changes: Track → Act.
        Assert.Equal((4, 1, 1), (kev.Reprioritization!.Examined, kev.Reprioritization.Changed, kev.Reprioritization.BecameP1));
        var finding = (await harness.FindingsAsync("scored")).Single(f => f.VulnerabilityIds.StartsWith(InKev, StringComparison.Ordinal));
        Assert.Equal((Priority.P1, Priority.P1, SsvcOutcome.Act), (finding.Priority, finding.ComputedPriority, finding.Ssvc));
        Assert.Equal(loadedAt.AddDays(7), finding.DueDate); // raised: 7 days from the change, earlier than first seen + 180
        var change = Assert.Single(await harness.WithDbAsync(db => db.PriorityChanges.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken)));
        Assert.Equal((finding.Id, Priority.P4, Priority.P1, "feed:kev 2025.08.25"), (change.FindingId, change.FromPriority, change.ToPriority, change.Cause));
        Assert.Equal((SsvcOutcome.Track, SsvcOutcome.Act), (change.FromSsvc, change.ToSsvc));
        Assert.True(change.BecameP1);
        Assert.StartsWith("KEV since 2025-08-25", change.Reasons, StringComparison.Ordinal);
        var heard = Assert.Single(_listener.Changes);
        Assert.Equal((finding.Id, true), (heard.FindingId, heard.BecameP1));

        var epss = await harness.RunAsync<FeedUpdateService, FeedUpdateResult>(s => s.UpdateEpssAsync(Corpus.File(Epss), null, TestContext.Current.CancellationToken));

        // Track → Track* for the EPSS one; not a P1, so the listener hears of it but BecameP1 stays 0.
        Assert.Equal((4, 1, 0), (epss.Reprioritization!.Examined, epss.Reprioritization.Changed, epss.Reprioritization.BecameP1));
        Assert.Equal(2, _listener.Changes.Count);
        Assert.Equal(2, await harness.WithDbAsync(db => db.PriorityChanges.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FeedLoad_TwoFindingsWithTheSameOutcome_EachStoresItsOwnScore(DatabaseProvider provider)
    {
        // Same asset, same vector, both EPSS ≥ 0.1: one outcome (poc · not automatable · total · medium → Track*),
        // decided once, but the reasons must name each CVE's own score (0.27858 and 0.24565 in the corpus day).
        await using var harness = await CreateAsync(provider);
        const string Local = "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H";
        var report = ReportVariants.Edit(ReportVariants.TrivyAlpine, root =>
        {
            var vulnerabilities = ReportVariants.TrivyVulnerabilities(root);
            var template = vulnerabilities[0]!;
            vulnerabilities.Clear();
            vulnerabilities.Add(WithVector(template, "CVE-1999-0002", "HIGH", Local));
            vulnerabilities.Add(WithVector(template, "CVE-1999-0003", "HIGH", Local));
        });
        await harness.ImportAsync("pair", report, "pair.json", scanDate: ScanDate);

        var epss = await harness.RunAsync<FeedUpdateService, FeedUpdateResult>(s => s.UpdateEpssAsync(Corpus.File(Epss), null, TestContext.Current.CancellationToken));

        Assert.Equal((2, 2), (epss.Reprioritization!.Examined, epss.Reprioritization.Changed));
        var findings = (await harness.FindingsAsync("pair")).ToDictionary(f => f.VulnerabilityIds.Split(' ')[0]);
        Assert.All(findings.Values, f => Assert.Equal(SsvcOutcome.TrackStar, f.Ssvc));
        Assert.Contains("EPSS 0.27858", findings["CVE-1999-0002"].PriorityReasons, StringComparison.Ordinal);
        Assert.Contains("EPSS 0.24565", findings["CVE-1999-0003"].PriorityReasons, StringComparison.Ordinal);
        Assert.DoesNotContain("0.27858", findings["CVE-1999-0003"].PriorityReasons, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reprioritize_Twice_SecondRunChangesNothing(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        await harness.ImportAsync("scored", Report(), "scored.json", scanDate: ScanDate);
        await LoadFeedsAsync(harness);

        var again = await harness.RunAsync<IReprioritizer, ReprioritizationResult>(
            r => r.ReprioritizeAsync(new ReprioritizationRequest("test"), TestContext.Current.CancellationToken));

        Assert.Equal((4, 0, 0), (again.Examined, again.Changed, again.BecameP1));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_Reimport_KeepsDueDateCountedFromFirstSeen(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        var report = ReportVariants.Bytes(ReportVariants.TrivyAlpine);

        await harness.ImportAsync("alpine", report, "alpine.json", scanDate: ScanDate);
        await harness.ImportAsync("alpine", report, "alpine.json", scanDate: ScanDate.AddDays(20));

        // All four carry CVSS 3.1 AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N (nvd, 5.3): none · automatable · partial · medium
        // → Track → P4 → 180 days from the first scan, not the second.
        foreach (var f in await harness.FindingsAsync("alpine"))
        {
            Assert.Equal(Priority.P4, f.Priority);
            Assert.Equal(ScanDate.AddDays(180), f.DueDate);
            Assert.Equal(ScanDate.AddDays(20), await harness.LastSeenAsync(f.Id));
        }
    }

    private Task<ServiceHarness> CreateAsync(DatabaseProvider provider) =>
        ServiceHarness.CreateAsync(provider, services => services
            .AddSingleton(FeedSettings.InDataDirectory(_scratch.Path))
            .AddSingleton<IPriorityChangeListener>(_listener));

    private static async Task LoadFeedsAsync(ServiceHarness harness)
    {
        await harness.RunAsync<FeedUpdateService, FeedUpdateResult>(s => s.UpdateKevAsync(Corpus.File(Kev), null, TestContext.Current.CancellationToken));
        await harness.RunAsync<FeedUpdateService, FeedUpdateResult>(s => s.UpdateEpssAsync(Corpus.File(Epss), null, TestContext.Current.CancellationToken));
    }

    /// <summary>Four vulnerabilities whose tool severity disagrees with their CVSS 3.1 vector; scores by the v3.1 spec §7 formulas.</summary>
    private static byte[] Report() => ReportVariants.Edit(ReportVariants.TrivyAlpine, root =>
    {
        var vulnerabilities = ReportVariants.TrivyVulnerabilities(root);
        var template = vulnerabilities[0]!;
        vulnerabilities.Clear();
        vulnerabilities.Add(WithVector(template, InKev, "LOW", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")); // 9.8 critical
        vulnerabilities.Add(WithVector(template, "CVE-2099-1002", "CRITICAL", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N")); // 7.5 high
        vulnerabilities.Add(WithVector(template, HighEpss, "LOW", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H")); // 7.8 high
        vulnerabilities.Add(WithVector(template, "CVE-2099-1004", "HIGH", "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N")); // 3.1 low
    });

    private static JsonNode WithVector(JsonNode template, string id, string toolSeverity, string vector)
    {
        var vulnerability = ReportVariants.TrivyVulnerabilityLike(template, id, $"{id} test");
        vulnerability["Severity"] = toolSeverity;
        vulnerability["CVSS"] = new JsonObject { ["nvd"] = new JsonObject { ["V3Vector"] = vector } };
        vulnerability.AsObject().Remove("VendorSeverity");
        return vulnerability;
    }

    private static void AssertDecided(Finding finding, Severity severity, double score, SsvcOutcome ssvc, Priority priority, int days)
    {
        Assert.Equal(severity, finding.Severity);
        Assert.Equal(score, finding.CvssScore);
        Assert.Equal(ssvc, finding.Ssvc);
        Assert.Equal(priority, finding.Priority);
        Assert.Equal(ScanDate, finding.FirstSeen);
        Assert.Equal(ScanDate.AddDays(days), finding.DueDate);
        Assert.EndsWith($"→ {SsvcTree.Name(ssvc)} → {priority}", finding.PriorityReasons.Split('\n')[0], StringComparison.Ordinal);
    }

    private sealed class RecordingListener : IPriorityChangeListener
    {
        private readonly List<PriorityChange> _changes = [];

        public IReadOnlyList<PriorityChange> Changes
        {
            get
            {
                lock (_changes)
                {
                    return [.. _changes];
                }
            }
        }

        public Task OnPriorityChangedAsync(IReadOnlyList<PriorityChange> changes, CancellationToken cancellationToken)
        {
            lock (_changes)
            {
                _changes.AddRange(changes);
            }

            return Task.CompletedTask;
        }
    }
}
