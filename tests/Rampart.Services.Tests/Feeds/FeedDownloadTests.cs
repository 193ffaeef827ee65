using System.Globalization;
using Rampart.Data;
using Rampart.Services.Feeds;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Feeds;

/// <summary>Conditional downloads against a real HTTP server on 127.0.0.1, the cached copy, and offline mode.</summary>
public sealed class FeedDownloadTests
{
    private static readonly DateTimeOffset Published = new(2026, 9, 29, 13, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateEpssAsync_SecondCheck_SendsValidatorsAndRecords304(DatabaseProvider provider)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider);
        var gzip = EpssFeedTests.Gzip(await File.ReadAllBytesAsync(Corpus.File("epss/epss_2026-09-29_first534rows.csv"), TestContext.Current.CancellationToken));
        await using var server = await FeedServer.StartAsync(gzip, "\"epss-0929\"", Published);

        var first = await feeds.EpssAsync(server.Url.AbsoluteUri);
        feeds.Services.Clock.Advance(TimeSpan.FromHours(24));
        var second = await feeds.EpssAsync(server.Url.AbsoluteUri);

        Assert.Equal((FeedOutcome.Loaded, "download", 534), (first.Outcome, first.ReadFrom, first.Records));
        Assert.Equal(FeedOutcome.NotModified, second.Outcome);
        Assert.Equal("not modified (304) since the last download; nothing changed", second.Message);
        Assert.Equal(
            [(null, null, 200), ("\"epss-0929\"", Published.ToString("R", CultureInfo.InvariantCulture), 304)],
            server.Requests.ToArray());
        var status = (await feeds.QueryAsync(q => q.ListStatusAsync(TestContext.Current.CancellationToken))).Single(s => s.Feed == "epss");
        Assert.Equal((server.Url.AbsoluteUri, "\"epss-0929\"", (DateTimeOffset?)Published), (status.Location, status.ETag, status.LastModified));
        Assert.Equal((ServiceHarness.Start.AddHours(24), (DateTimeOffset?)ServiceHarness.Start), (status.CheckedAt, status.ChangedAt));
        Assert.Single(feeds.Reprioritizer.Requests);
        Assert.True(File.Exists(Path.Combine(feeds.Folder, "feeds", "epss.latest")), "the download is kept as the cached copy");
        Assert.Empty(Directory.GetFiles(Path.Combine(feeds.Folder, "feeds"), "*.part"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateKevAsync_NewVersionPublished_DownloadsAndReplaces(DatabaseProvider provider)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider);
        await using var server = await FeedServer.StartAsync(
            await File.ReadAllBytesAsync(Corpus.File("kev/kev_2023.04.21_older_snapshot.json"), TestContext.Current.CancellationToken), "\"kev-1\"", Published);
        await feeds.KevAsync(server.Url.AbsoluteUri);
        server.Publish(await File.ReadAllBytesAsync(Corpus.File("kev/known_exploited_vulnerabilities.json"), TestContext.Current.CancellationToken), "\"kev-2\"", Published.AddDays(1));

        var result = await feeds.KevAsync(server.Url.AbsoluteUri);

        Assert.Equal((FeedOutcome.Loaded, "2025.08.25", 484, 2), (result.Outcome, result.Version, result.Added, result.Removed));
        Assert.Equal(["\"kev-1\""], server.Requests.Skip(1).Select(r => r.IfNoneMatch));
        Assert.Equal(200, server.Requests.Last().Status);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateEpssAsync_OfflineAfterDownload_ReloadsTheCachedCopyWithoutTheNetwork(DatabaseProvider provider)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider);
        var url = "";
        await using (var server = await FeedServer.StartAsync(
            await File.ReadAllBytesAsync(Corpus.File("epss/epss_2025-02-20_head5.csv"), TestContext.Current.CancellationToken), "\"e1\"", Published))
        {
            url = server.Url.AbsoluteUri;
            await feeds.EpssAsync(url);
        }

        // The server is gone: offline mode must not try it, and reads the copy kept from the download.
        var offline = await feeds.EpssAsync(url, offline: true);

        Assert.Equal((FeedOutcome.Unchanged, "cache", "2025-02-20"), (offline.Outcome, offline.ReadFrom, offline.Version));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateKevAsync_OfflineWithoutCachedCopy_ThrowsClearError(DatabaseProvider provider)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider);

        var error = await Assert.ThrowsAsync<FeedException>(() => feeds.KevAsync("http://127.0.0.1:9/kev.json", offline: true));

        Assert.Equal("http://127.0.0.1:9/kev.json: offline, and there is no cached copy of this kev feed; update it online once, or give a file.", error.Message);
        Assert.Equal((0, 0, 0, 0), await feeds.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateEpssAsync_OfflineWithFile_LoadsTheFile(DatabaseProvider provider)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider);

        var result = await feeds.EpssAsync(Corpus.File("epss/epss_2025-02-20_head5.csv"), offline: true);

        Assert.Equal((FeedOutcome.Loaded, "file", 5), (result.Outcome, result.ReadFrom, result.Records));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateEpssAsync_BadDownload_ChangesNothingAndKeepsNoFile(DatabaseProvider provider)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider);
        await using var server = await FeedServer.StartAsync("#model_version:v1,score_date:2026-01-01\ncve,epss\n"u8.ToArray(), "\"bad\"", Published);

        var error = await Assert.ThrowsAsync<Ingest.ReportFormatException>(() => feeds.EpssAsync(server.Url.AbsoluteUri));

        Assert.Equal((server.Url.AbsoluteUri, (long?)2), (error.FileName, error.Line));
        Assert.Equal((0, 0, 0, 0), await feeds.CountAsync());
        Assert.Empty(Directory.GetFiles(Path.Combine(feeds.Folder, "feeds")));
    }
}
