using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Data;
using Rampart.Services.Imports;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Imports;

/// <summary>
/// Import → reimport → variant → original again, with counts computed by hand from the Trivy alpine report:
/// one result with four vulnerabilities, all distinct (CVE-2019-1549 and CVE-2019-1551 in libcrypto1.1 and libssl1.1).
/// </summary>
public sealed class ReconciliationTests
{
    private const string Asset = "alpine-image";

    private static readonly DateTimeOffset Day1 = new(2025, 1, 10, 8, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_FullCycle_CountsNewUnchangedClosedReopened(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var original = ReportVariants.Bytes(ReportVariants.TrivyAlpine);

        // The variant drops CVE-2019-1551 in libssl1.1 (the last of the four) and adds CVE-2099-0001 in libcrypto1.1.
        var variant = ReportVariants.Edit(ReportVariants.TrivyAlpine, report =>
        {
            var vulnerabilities = ReportVariants.TrivyVulnerabilities(report);
            vulnerabilities.RemoveAt(3);
            vulnerabilities.Add(ReportVariants.TrivyVulnerabilityLike(vulnerabilities[0]!, "CVE-2099-0001", "made-up weakness"));
        });

        // 1. First import: all four are new.
        var first = await harness.ImportAsync(Asset, original, "alpine.json", scanDate: Day1);
        AssertCounts(first, findings: 4, @new: 4, unchanged: 0, reopened: 0, closed: 0);
        Assert.Equal(ReportFormat.Trivy, first.Format);

        // 2. The same report again: the four are unchanged, nothing is closed.
        var second = await harness.ImportAsync(Asset, original, "alpine.json", scanDate: Day1.AddDays(1));
        AssertCounts(second, findings: 4, @new: 0, unchanged: 4, reopened: 0, closed: 0);

        // 3. The variant: CVE-2099-0001 is new, the three shared ones unchanged, libssl1.1 CVE-2019-1551 closed.
        var third = await harness.ImportAsync(Asset, variant, "alpine-variant.json", scanDate: Day1.AddDays(2));
        AssertCounts(third, findings: 4, @new: 1, unchanged: 3, reopened: 0, closed: 1);

        // 4. The original again: libssl1.1 CVE-2019-1551 reopens, CVE-2099-0001 (seen only in 3) closes, three unchanged.
        var fourth = await harness.ImportAsync(Asset, original, "alpine.json", scanDate: Day1.AddDays(3));
        AssertCounts(fourth, findings: 4, @new: 0, unchanged: 3, reopened: 1, closed: 1);

        var findings = await harness.FindingsAsync(Asset);
        Assert.Equal(5, findings.Count);
        var madeUp = Assert.Single(findings, f => f.VulnerabilityIds.Contains("CVE-2099-0001", StringComparison.Ordinal));
        Assert.Equal(FindingStatus.Fixed, madeUp.Status);
        Assert.Equal(Day1.AddDays(3), madeUp.StatusChangedAt);
        Assert.All(findings.Where(f => f != madeUp), f => Assert.Equal(FindingStatus.Open, f.Status));
        foreach (var finding in findings)
        {
            // The made-up one was last seen by the third scan; the others by the fourth.
            Assert.Equal(finding == madeUp ? Day1.AddDays(2) : Day1.AddDays(3), await harness.LastSeenAsync(finding.Id));
        }

        Assert.All(findings, f => Assert.Equal(f == madeUp ? Day1.AddDays(2) : Day1, f.FirstSeen));

        // One observation per (finding, source): one tool, one scope, five findings. Rescans update them in place.
        Assert.Equal(new TableCounts(Assets: 1, Findings: 5, Observations: 5, Scans: 4), await harness.CountAsync());
        var scans = await harness.WithDbAsync(db => db.Scans.AsNoTracking().OrderBy(s => s.Id).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal([4, 0, 1, 0], scans.Select(s => s.NewCount));
        Assert.Equal([0, 0, 1, 1], scans.Select(s => s.ClosedCount));
        Assert.All(scans, s => Assert.Equal(fourth.Tool, s.Tool));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_FindingStillSeenByAnotherTool_StaysOpen(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        // gosec.sarif has 21 results, all at distinct rule/path/line: 21 findings. The fork is the same report
        // under another driver name, i.e. another tool seeing the same 21 weaknesses.
        var fork = ReportVariants.Edit(ReportVariants.Gosec, report => report["runs"]![0]!["tool"]!["driver"]!["name"] = "gosec-fork");
        var withoutFirst = ReportVariants.Edit(ReportVariants.Gosec, report => report["runs"]![0]!["results"]!.AsArray().RemoveAt(0));

        var gosec = await harness.ImportAsync("service", ReportVariants.Bytes(ReportVariants.Gosec), "gosec.sarif", scanDate: Day1);
        AssertCounts(gosec, findings: 21, @new: 21, unchanged: 0, reopened: 0, closed: 0);

        // Another tool, no previous scan of its own: nothing to close.
        var other = await harness.ImportAsync("service", fork, "fork.sarif", scanDate: Day1.AddDays(1));
        AssertCounts(other, findings: 21, @new: 0, unchanged: 21, reopened: 0, closed: 0);
        Assert.NotEqual(gosec.Tool, other.Tool);

        // gosec no longer reports its first result, but gosec-fork's latest scan still does: it stays open.
        var rescan = await harness.ImportAsync("service", withoutFirst, "gosec.sarif", scanDate: Day1.AddDays(2));
        AssertCounts(rescan, findings: 20, @new: 0, unchanged: 20, reopened: 0, closed: 0);
        Assert.All(await harness.FindingsAsync("service"), f => Assert.Equal(FindingStatus.Open, f.Status));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_HumanDecision_SurvivesRescanAndIsNotClosed(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var original = ReportVariants.Bytes(ReportVariants.TrivyAlpine);
        var withoutLast = ReportVariants.Edit(ReportVariants.TrivyAlpine, report => ReportVariants.TrivyVulnerabilities(report).RemoveAt(3));
        await harness.ImportAsync(Asset, original, "alpine.json", scanDate: Day1);

        // Someone accepts the risk of the first finding and calls the last one a false positive.
        var ids = (await harness.FindingsAsync(Asset)).Select(f => f.Id).ToList();
        await harness.WithDbAsync(async db =>
        {
            await db.Findings.Where(f => f.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FindingStatus.RiskAccepted), TestContext.Current.CancellationToken);
            await db.Findings.Where(f => f.Id == ids[3]).ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FindingStatus.FalsePositive), TestContext.Current.CancellationToken);
        });

        // The rescan no longer shows the false positive: only Open findings are closed, so nothing is.
        var rescan = await harness.ImportAsync(Asset, withoutLast, "alpine.json", scanDate: Day1.AddDays(1));
        AssertCounts(rescan, findings: 3, @new: 0, unchanged: 3, reopened: 0, closed: 0);

        var statuses = (await harness.FindingsAsync(Asset)).Select(f => f.Status).ToList();
        Assert.Equal([FindingStatus.RiskAccepted, FindingStatus.Open, FindingStatus.Open, FindingStatus.FalsePositive], statuses);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_SameWeaknessTwiceInOneFile_OneFindingOneObservation(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var doubled = ReportVariants.Edit(ReportVariants.TrivyAlpine, report =>
        {
            var vulnerabilities = ReportVariants.TrivyVulnerabilities(report);
            vulnerabilities.Add(vulnerabilities[0]!.DeepClone());
        });

        var result = await harness.ImportAsync(Asset, doubled, "doubled.json", scanDate: Day1);

        AssertCounts(result, findings: 4, @new: 4, unchanged: 0, reopened: 0, closed: 0);
        Assert.Equal(new TableCounts(Assets: 1, Findings: 4, Observations: 4, Scans: 1), await harness.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_SuppressedSarifResults_CreatedAsFalsePositive(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        // ESLint's report: 12 results at distinct rule/file/line, every one suppressed in source.
        var result = await harness.ImportCorpusAsync("iframe-resizer", "sarif/eslint-8.56.0_with-suppressions.sarif", Day1);

        Assert.Equal(12, result.New);
        Assert.All(await harness.FindingsAsync("iframe-resizer"), f => Assert.Equal(FindingStatus.FalsePositive, f.Status));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_Scan_RecordsFileToolDatesAndProgress(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var content = ReportVariants.Bytes(ReportVariants.TrivyAlpine);
        var progress = new List<long>();

        var result = await harness.RunAsync<ImportService, ImportResult>(async service =>
        {
            await using var stream = new MemoryStream(content);
            var request = new ImportRequest(Asset, stream, "/home/ci/reports/alpine.json", ScanDate: new DateTimeOffset(2025, 1, 10, 10, 0, 0, TimeSpan.FromHours(2)), ImportedBy: "ci");
            return await service.ImportAsync(request, new SynchronousProgress(progress), TestContext.Current.CancellationToken);
        });

        var scan = await harness.WithDbAsync(db => db.Scans.AsNoTracking().SingleAsync(s => s.Id == result.ScanId, TestContext.Current.CancellationToken));
        Assert.Equal("alpine.json", scan.FileName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), scan.FileSha256);
        Assert.Equal(new DateTimeOffset(2025, 1, 10, 8, 0, 0, TimeSpan.Zero), scan.ScanDate);
        Assert.Equal(TimeSpan.Zero, scan.ScanDate.Offset);
        Assert.Equal(ServiceHarness.Start, scan.ImportedAt);
        Assert.Equal("ci", scan.ImportedBy);
        Assert.Equal(ReportFormat.Trivy, scan.Format);
        Assert.Equal(4, scan.FindingCount);
        Assert.Equal(result.Tool, scan.Tool);
        Assert.NotEmpty(progress);
        Assert.Equal(content.Length, progress[^1]);
    }

    private static void AssertCounts(ImportResult result, int findings, int @new, int unchanged, int reopened, int closed) =>
        Assert.Equal(
            (findings, @new, unchanged, reopened, closed),
            (result.Findings, result.New, result.Unchanged, result.Reopened, result.Closed));

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the test needs every report before it asserts.</summary>
    private sealed class SynchronousProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
