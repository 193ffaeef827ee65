using Rampart.Core.Findings;
using Rampart.Data;
using Rampart.Services.Findings;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Findings;

/// <summary>Filters, sorts, paging and totals over the seeded set described in <see cref="Seed"/>.</summary>
public sealed class FindingQueriesTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListAsync_OpenByPriority_MostUrgentFirstThenDueDate(DatabaseProvider provider)
    {
        await using var harness = await SeededAsync(provider);

        var page = await ListAsync(harness, new FindingFilter(Status: FindingStatus.Open));

        Assert.Equal(["SQL injection", "Log4Shell in log4j-core", "XSS", "Weak hash", "Info leak"], page.Items.Select(f => f.Title));
        Assert.Equal(5, page.TotalCount);
        Assert.False(page.HasMore);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListAsync_AssetAndStatus_FiltersBoth(DatabaseProvider provider)
    {
        await using var harness = await SeededAsync(provider);

        var web = await ListAsync(harness, new FindingFilter(Asset: "web"));
        var webOpen = await ListAsync(harness, new FindingFilter(Asset: "web", Status: FindingStatus.Open));
        var unknown = await ListAsync(harness, new FindingFilter(Asset: "no-such-asset"));

        Assert.Equal(4, web.TotalCount);
        Assert.Equal(["XSS", "Info leak"], webOpen.Items.Select(f => f.Title));
        Assert.All(webOpen.Items, f => Assert.Equal("web", f.Asset));
        Assert.Equal(0, unknown.TotalCount);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListAsync_PriorityAndSeverityFilters_MatchExactly(DatabaseProvider provider)
    {
        await using var harness = await SeededAsync(provider);

        var p3 = await ListAsync(harness, new FindingFilter(Priority: Priority.P3, Sort: FindingSort.Title));
        var critical = await ListAsync(harness, new FindingFilter(Severity: Severity.Critical, Sort: FindingSort.Title));

        Assert.Equal(["Debug enabled", "Weak hash"], p3.Items.Select(f => f.Title));
        Assert.Equal(["Log4Shell in log4j-core", "SQL injection"], critical.Items.Select(f => f.Title));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListAsync_Overdue_OnlyOpenPastDue(DatabaseProvider provider)
    {
        await using var harness = await SeededAsync(provider);

        var overdue = await ListAsync(harness, new FindingFilter(Overdue: true));
        var notOverdue = await ListAsync(harness, new FindingFilter(Overdue: false));

        // "Old openssl" is past due but fixed, so it is not overdue.
        Assert.Equal(["SQL injection", "XSS"], overdue.Items.Select(f => f.Title));
        Assert.All(overdue.Items, f => Assert.True(f.Overdue));
        Assert.Equal(5, notOverdue.TotalCount);
        Assert.All(notOverdue.Items, f => Assert.False(f.Overdue));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListAsync_Search_MatchesTitleIdsAndComponentIgnoringCase(DatabaseProvider provider)
    {
        await using var harness = await SeededAsync(provider);

        var byComponent = await ListAsync(harness, new FindingFilter(Search: "OPENSSL"));
        var byId = await ListAsync(harness, new FindingFilter(Search: "cve-2021-44228"));
        var byTitle = await ListAsync(harness, new FindingFilter(Search: "injection"));
        var wildcard = await ListAsync(harness, new FindingFilter(Search: "%"));

        Assert.Equal(["Old openssl"], byComponent.Items.Select(f => f.Title));
        Assert.Equal(["Log4Shell in log4j-core"], byId.Items.Select(f => f.Title));
        Assert.Equal(["SQL injection"], byTitle.Items.Select(f => f.Title));
        Assert.Equal(0, wildcard.TotalCount);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListAsync_SeverityDescending_WorstFirstNewestIdFirstOnTies(DatabaseProvider provider)
    {
        await using var harness = await SeededAsync(provider);

        var page = await ListAsync(harness, new FindingFilter(Sort: FindingSort.Severity, Descending: true));

        Assert.Equal(
            ["Log4Shell in log4j-core", "SQL injection", "XSS", "Debug enabled", "Weak hash", "Old openssl", "Info leak"],
            page.Items.Select(f => f.Title));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListAsync_Paging_ExactTotalAndHasMore(DatabaseProvider provider)
    {
        await using var harness = await SeededAsync(provider);

        var second = await ListAsync(harness, new FindingFilter(Sort: FindingSort.Title, Page: 2, PageSize: 3));
        var third = await ListAsync(harness, new FindingFilter(Sort: FindingSort.Title, Page: 3, PageSize: 3));
        var huge = await ListAsync(harness, new FindingFilter(PageSize: 100_000));

        Assert.Equal(["Old openssl", "SQL injection", "Weak hash"], second.Items.Select(f => f.Title));
        Assert.True(second.HasMore);
        Assert.Equal(7, second.TotalCount);
        Assert.Equal(["XSS"], third.Items.Select(f => f.Title));
        Assert.False(third.HasMore);
        Assert.Equal(FindingQueries.MaxPageSize, huge.PageSize);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListAsync_OtherSorts_OrderAsAsked(DatabaseProvider provider)
    {
        await using var harness = await SeededAsync(provider);

        var byDue = await ListAsync(harness, new FindingFilter(Sort: FindingSort.DueDate));
        var byAsset = await ListAsync(harness, new FindingFilter(Sort: FindingSort.Asset, Descending: true));
        var byLastSeen = await ListAsync(harness, new FindingFilter(Sort: FindingSort.LastSeen, Descending: true));

        Assert.Equal("Old openssl", byDue.Items[0].Title);
        Assert.Equal("Info leak", byDue.Items[^1].Title);
        Assert.Equal(["web", "web", "web", "web", "api", "api", "api"], byAsset.Items.Select(f => f.Asset));
        Assert.Equal("Info leak", byLastSeen.Items[0].Title);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListAsync_Summary_FormatsLocationAndSplitsIds(DatabaseProvider provider)
    {
        await using var harness = await SeededAsync(provider);

        var items = (await ListAsync(harness, new FindingFilter(Asset: "api"))).Items;

        Assert.Equal("src/db.cs:42", items.Single(f => f.Title == "SQL injection").Location);
        Assert.Equal(["CVE-2021-44228", "GHSA-jfh8-c2jp-5v3q"], items.Single(f => f.Title.StartsWith("Log4Shell", StringComparison.Ordinal)).VulnerabilityIds);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListAssetsAsync_CountsOpenFindingsPerAsset(DatabaseProvider provider)
    {
        await using var harness = await SeededAsync(provider);

        var assets = await harness.RunAsync<FindingQueries, IReadOnlyList<AssetView>>(q => q.ListAssetsAsync(TestContext.Current.CancellationToken));

        Assert.Equal([("api", 3), ("web", 2)], assets.Select(a => (a.Name, a.OpenFindings)));
        Assert.All(assets, a => Assert.Equal(Rampart.Core.Assets.SsrmParty.ApplicationProvider, a.AccountableParty));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_ImportedTwice_OneObservationPerSourceSeenAtTheLatestScan(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var report = ReportVariants.Bytes(ReportVariants.TrivyAlpine);
        var day1 = new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero);
        await harness.ImportAsync("alpine", report, "alpine.json", scanDate: day1);
        var second = await harness.ImportAsync("alpine", report, "alpine.json", scanDate: day1.AddDays(7));
        var id = (await harness.FindingsAsync("alpine"))[0].Id;

        var detail = await harness.RunAsync<FindingQueries, FindingDetail?>(q => q.GetAsync(id, TestContext.Current.CancellationToken));
        var missing = await harness.RunAsync<FindingQueries, FindingDetail?>(q => q.GetAsync(id + 1000, TestContext.Current.CancellationToken));

        Assert.NotNull(detail);
        Assert.Null(missing);
        var observation = Assert.Single(detail.Observations);
        Assert.Equal(day1.AddDays(7), observation.SeenAt);
        Assert.Equal(day1, observation.FirstSeen);
        Assert.True(observation.Present);
        Assert.Equal(second.ScanId, observation.ScanId);
        Assert.Equal(day1.AddDays(7), detail.Summary.LastSeen);
        Assert.NotEmpty(detail.PriorityReasons);
        Assert.NotEmpty(detail.CvssVectors);
        Assert.Equal(64, detail.Fingerprint.Length);
        Assert.Equal("alpine", detail.AssetDetails.Name);
        Assert.Equal(4, detail.AssetDetails.OpenFindings);
    }

    private static async Task<ServiceHarness> SeededAsync(DatabaseProvider provider)
    {
        var harness = await ServiceHarness.CreateAsync(provider);
        await Seed.FindingsAsync(harness);
        return harness;
    }

    private static Task<PageOf<FindingSummary>> ListAsync(ServiceHarness harness, FindingFilter filter) =>
        harness.RunAsync<FindingQueries, PageOf<FindingSummary>>(q => q.ListAsync(filter, TestContext.Current.CancellationToken));
}
