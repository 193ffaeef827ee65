using Rampart.Core.Findings;
using Rampart.Data;
using Rampart.Services.Dashboard;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Dashboard;

public sealed class DashboardQueriesTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_SeededSet_CountsOpenOverdueAndAssets(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await Seed.FindingsAsync(harness);

        var view = await GetAsync(harness);

        // Open: SQL injection P1, Log4Shell P1, XSS P2, Weak hash P3, Info leak P4; overdue: SQL injection, XSS.
        Assert.Equal(
            new Dictionary<Priority, int> { [Priority.P1] = 2, [Priority.P2] = 1, [Priority.P3] = 1, [Priority.P4] = 1 },
            view.OpenByPriority);
        Assert.Equal(5, view.OpenTotal);
        Assert.Equal(2, view.Overdue);
        Assert.Equal([new AssetOpenCount("api", 2, 0, 1, 0, 3), new AssetOpenCount("web", 0, 1, 0, 1, 2)], view.OpenByAsset);
        Assert.Equal(["web.sarif", "api.json"], view.RecentScans.Select(s => s.FileName));
        Assert.Equal(("web", "CodeQL", 4, 4, 1), (view.RecentScans[0].Asset, view.RecentScans[0].Tool, view.RecentScans[0].Findings, view.RecentScans[0].New, view.RecentScans[0].Closed));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_EmptyDatabase_EveryPriorityZero(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        var view = await GetAsync(harness);

        Assert.Equal([Priority.P1, Priority.P2, Priority.P3, Priority.P4], view.OpenByPriority.Keys.Order());
        Assert.All(view.OpenByPriority.Values, count => Assert.Equal(0, count));
        Assert.Empty(view.OpenByAsset);
        Assert.Empty(view.RecentScans);
        Assert.Equal(0, view.Overdue);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_AfterImport_ShowsTheScan(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var result = await harness.ImportAsync("alpine", ReportVariants.Bytes(ReportVariants.TrivyAlpine), "alpine.json");

        var view = await GetAsync(harness);

        var scan = Assert.Single(view.RecentScans);
        Assert.Equal((result.ScanId, "alpine", 4, 4), (scan.Id, scan.Asset, scan.Findings, scan.New));
        Assert.Equal(4, view.OpenTotal);
        Assert.Equal("alpine", Assert.Single(view.OpenByAsset).Asset);
    }

    private static Task<DashboardView> GetAsync(ServiceHarness harness) =>
        harness.RunAsync<DashboardQueries, DashboardView>(q => q.GetAsync(TestContext.Current.CancellationToken));
}
