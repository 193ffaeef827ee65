using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Rampart.Data;
using Rampart.Services.Feeds;
using Rampart.Testing;
using Rampart.Web.Feeds;

namespace Rampart.Web.Tests;

public sealed class FeedsApiTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Vulnerability_AfterTwoEpssDaysAndKev_ReturnsHistoryAndLatest(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();
        await host.UseAsync<FeedUpdateService, FeedUpdateResult>(s => s.UpdateEpssAsync(Corpus.File("epss/epss_2025-02-20_head5.csv")));
        await host.UseAsync<FeedUpdateService, FeedUpdateResult>(s => s.UpdateEpssAsync(Corpus.File("epss/epss_2026-09-29_first534rows.csv")));

        var intel = await client.GetFromJsonAsync<JsonElement>("/api/v1/vulnerabilities/cve-1999-0001", TestContext.Current.CancellationToken);

        // Both corpus files score CVE-1999-0001: 0.00383 on 2025-02-20, 0.03351 on 2026-09-29; it is not in KEV.
        Assert.Equal("CVE-1999-0001", intel.GetProperty("cve").GetString());
        Assert.False(intel.GetProperty("knownExploited").GetBoolean());
        Assert.Equal(JsonValueKind.Null, intel.GetProperty("kev").ValueKind);
        Assert.Equal(("2026-09-29", 0.03351), (intel.GetProperty("latestEpss").GetProperty("date").GetString(), intel.GetProperty("latestEpss").GetProperty("epss").GetDouble()));
        Assert.Equal(["2025-02-20", "2026-09-29"], intel.GetProperty("epssHistory").EnumerateArray().Select(p => p.GetProperty("date").GetString()));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Vulnerability_InKev_ReturnsTheEntry(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();
        await host.UseAsync<FeedUpdateService, FeedUpdateResult>(s => s.UpdateKevAsync(Corpus.File("kev/known_exploited_vulnerabilities.json")));

        var intel = await client.GetFromJsonAsync<JsonElement>("/api/v1/vulnerabilities/CVE-2025-48384", TestContext.Current.CancellationToken);

        Assert.True(intel.GetProperty("knownExploited").GetBoolean());
        var kev = intel.GetProperty("kev");
        Assert.Equal(("Git", "2025-09-15", "Unknown"), (kev.GetProperty("vendorProject").GetString(), kev.GetProperty("dueDate").GetString(), kev.GetProperty("knownRansomwareCampaignUse").GetString()));
        Assert.Equal(["CWE-59", "CWE-436"], kev.GetProperty("cwes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(0, intel.GetProperty("epssHistory").GetArrayLength());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Vulnerability_BadOrUnknownId_IsRefused(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();

        var bad = await client.GetAsync(new Uri("/api/v1/vulnerabilities/%3Cscript%3E", UriKind.Relative), TestContext.Current.CancellationToken);
        var unknown = await client.GetAsync(new Uri("/api/v1/vulnerabilities/GHSA-xxxx-yyyy-zzzz", UriKind.Relative), TestContext.Current.CancellationToken);
        var anonymous = await host.Anonymous().GetAsync(new Uri("/api/v1/vulnerabilities/CVE-2025-48384", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FeedUpdateJob_ConfiguredFiles_LoadsBothFeedsShownByTheStatusApi(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();
        var options = new FeedScheduleOptions
        {
            Enabled = true,
            Epss = Corpus.File("epss/epss_2025-02-20_head5.csv"),
            Kev = Corpus.File("kev/kev_2023.04.21_older_snapshot.json"),
            Offline = true,
        };
        var job = new FeedUpdateJob(host.Factory.Services.GetRequiredService<IServiceScopeFactory>(), options, NullLogger<FeedUpdateJob>.Instance);

        await job.RunAsync(TestContext.Current.CancellationToken);
        var feeds = await client.GetFromJsonAsync<JsonElement>("/api/v1/feeds", TestContext.Current.CancellationToken);

        // 5 rows (python3 csv) and 922 entries (jq '.count').
        Assert.Equal(
            [("epss", "2025-02-20", 5), ("kev", "2023.04.21", 922)],
            feeds.EnumerateArray().Select(f => (f.GetProperty("feed").GetString(), f.GetProperty("version").GetString(), f.GetProperty("records").GetInt32())));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FeedUpdateJob_OneFeedFails_StillLoadsTheOtherAndReportsTheFailure(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var options = new FeedScheduleOptions { Epss = "/nonexistent/epss.csv", Kev = Corpus.File("kev/kev_2023.04.21_older_snapshot.json") };
        var job = new FeedUpdateJob(host.Factory.Services.GetRequiredService<IServiceScopeFactory>(), options, NullLogger<FeedUpdateJob>.Instance);

        var error = await Assert.ThrowsAsync<AggregateException>(() => job.RunAsync(TestContext.Current.CancellationToken));

        Assert.IsType<FeedException>(Assert.Single(error.InnerExceptions));
        var status = await host.UseAsync<FeedQueries, IReadOnlyList<FeedStatus>>(q => q.ListStatusAsync(TestContext.Current.CancellationToken));
        Assert.Equal("2023.04.21", status.Single(s => s.Feed == "kev").Version);
    }
}
