using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Data;
using Rampart.Services.Findings;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Findings;

/// <summary>A finding's tags, and its observation's scope, dates, occurrences and evidence, from a real ZAP report.</summary>
public sealed class FindingDetailTests
{
    // zap-2.16.1_with_req_resp.xml, site https://example-domain.com, read with python3 ElementTree: the alert
    // "Cookie Poisoning" has cweid 565, wascid 20, count 5, five instances (the first: GET
    // .../getPrefillOtuTokenData?otuToken=otuToken&clearCache=true, param clearCache, no evidence) and the tags
    // CWE-565, OWASP_2021_A03, OWASP_2017_A01 and three POLICY_* tags (ZAP scan policies, not taxonomies).
    private const string Zap = "zap/zap-2.16.1_with_req_resp.xml";

    private static readonly DateTimeOffset ScanDate = new(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_ZapAlert_HasTagsAndAnObservationWithOccurrencesAndEvidence(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.ImportCorpusAsync("shop", Zap, ScanDate);

        var finding = await CookiePoisoningAsync(harness);

        Assert.Equal(["CWE-565"], finding.Cwes);
        Assert.Equal(["WASC:20", "OWASP:A03:2021", "OWASP:A01:2017"], finding.Tags);
        var observation = Assert.Single(finding.Observations);
        Assert.Equal(("OWASP ZAP", "https://example-domain.com", true, 5), (observation.Tool, observation.Scope, observation.Present, observation.Occurrences));
        Assert.Equal((ScanDate, ScanDate), (observation.FirstSeen, observation.SeenAt));
        Assert.Equal(5, observation.Evidence.Count);
        Assert.Equal(
            new KeyValuePair<string, string>("GET https://example-domain.com/cpapi/api/redirect/getPrefillOtuTokenData?otuToken=otuToken&clearCache=true", "param=clearCache"),
            observation.Evidence[0]);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_SeenAgainByALaterScan_KeepsFirstSeenAndMovesLastSeen(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.ImportCorpusAsync("shop", Zap, ScanDate);
        // The same alerts again ten days later (a different scan date makes it a new scan, not the same file).
        await harness.ImportAsync("shop", ReportVariants.Bytes(Zap), "zap-again.xml", scanDate: ScanDate.AddDays(10));

        var observation = Assert.Single((await CookiePoisoningAsync(harness)).Observations);

        Assert.Equal((ScanDate, ScanDate.AddDays(10), true), (observation.FirstSeen, observation.SeenAt, observation.Present));
    }

    private static async Task<FindingDetail> CookiePoisoningAsync(ServiceHarness harness)
    {
        var id = await harness.WithDbAsync(db => db.Findings.Where(f => f.Title == "Cookie Poisoning").Select(f => f.Id).SingleAsync(TestContext.Current.CancellationToken));
        return (await harness.RunAsync<FindingQueries, FindingDetail?>(q => q.GetAsync(id, TestContext.Current.CancellationToken)))!;
    }
}
