using System.IO.Compression;
using System.Text;
using Rampart.Data;
using Rampart.Ingest;
using Rampart.Services.Feeds;
using Rampart.Testing;

namespace Rampart.Services.Tests.Feeds;

public sealed class EpssFeedTests
{
    private const string Head5 = "epss/epss_2025-02-20_head5.csv";
    private const string First534 = "epss/epss_2026-09-29_first534rows.csv";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateEpssAsync_TwoDays_KeepsEveryDayForTheTrend(DatabaseProvider provider)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider);

        var first = await feeds.EpssAsync(Corpus.File(Head5));
        var second = await feeds.EpssAsync(Corpus.File(First534));

        // 5 + 534 rows (python3 csv counts); CVE-1999-0001 is in both: 0.00383/0.73075, then 0.03351/0.88255.
        Assert.Equal((FeedOutcome.Loaded, "2025-02-20", 5), (first.Outcome, first.Version, first.Records));
        Assert.Equal((FeedOutcome.Loaded, "2026-09-29", 534), (second.Outcome, second.Version, second.Records));
        Assert.Equal((539, 2, 0, 1), await feeds.CountAsync());
        var history = await feeds.QueryAsync(q => q.EpssHistoryAsync("cve-1999-0001", TestContext.Current.CancellationToken));
        Assert.Equal(
            [new EpssPoint(new DateOnly(2025, 2, 20), 0.00383, 0.73075), new EpssPoint(new DateOnly(2026, 9, 29), 0.03351, 0.88255)],
            history);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateEpssAsync_SameScoreDateTwice_IsANoOpThatSaysSo(DatabaseProvider provider)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider);
        await feeds.EpssAsync(Corpus.File(First534));

        var again = await feeds.EpssAsync(Corpus.File(First534));

        Assert.Equal(FeedOutcome.Unchanged, again.Outcome);
        Assert.Equal("EPSS scores for 2026-09-29 are already loaded (534 rows, model v2026.06.15); nothing changed", again.Message);
        Assert.Null(again.Reprioritization);
        Assert.Equal((534, 1, 0, 1), await feeds.CountAsync());
        Assert.Single(feeds.Reprioritizer.Requests);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateEpssAsync_Loaded_ReprioritizesWithTheScoreDate(DatabaseProvider provider)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider);

        var result = await feeds.EpssAsync(Corpus.File(First534));

        Assert.Equal("feed:epss 2026-09-29", Assert.Single(feeds.Reprioritizer.Requests).Cause);
        Assert.Null(feeds.Reprioritizer.Requests[0].AssetIds);
        Assert.Equal(RecordingReprioritizer.Answer, result.Reprioritization);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateEpssAsync_ProductReprioritizer_RunsAfterTheLoad(DatabaseProvider provider)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider, withReprioritizer: false);

        var result = await feeds.EpssAsync(Corpus.File(Head5));

        // The product's own re-prioritizer, on a database without findings: it ran and examined nothing.
        Assert.Equal(FeedOutcome.Loaded, result.Outcome);
        Assert.NotNull(result.Reprioritization);
        Assert.Equal((0, 0, 0), (result.Reprioritization.Examined, result.Reprioritization.Changed, result.Reprioritization.BecameP1));
        Assert.Empty(feeds.Reprioritizer.Requests);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateEpssAsync_GzipOfCorpusFile_LoadsTheSameRows(DatabaseProvider provider)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider);
        var path = feeds.Write("epss.csv.gz", Gzip(await File.ReadAllBytesAsync(Corpus.File(First534), TestContext.Current.CancellationToken)));

        var result = await feeds.EpssAsync(path);

        Assert.Equal((FeedOutcome.Loaded, 534), (result.Outcome, result.Records));
        var top = await feeds.QueryAsync(q => q.EpssHistoryAsync("CVE-1999-0016", TestContext.Current.CancellationToken));
        Assert.Equal(new EpssPoint(new DateOnly(2026, 9, 29), 0.95739, 0.99871), Assert.Single(top)); // python3: the file's max epss
    }

    public static TheoryData<DatabaseProvider, string, string> BadFiles()
    {
        var data = new TheoryData<DatabaseProvider, string, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            data.Add(provider, "duplicate", "bad.csv:7: CVE-2024-0001 appears twice in the file");
            data.Add(provider, "nan", "bad.csv:5: epss \"NaN\" is not a number from 0 to 1");
            data.Add(provider, "header", "bad.csv:2: the header is \"cve,score,percentile\"; an EPSS file has the columns cve,epss,percentile");
            data.Add(provider, "date", "bad.csv:1: score_date \"2025-02-31\" is not a date (e.g. 2025-03-14T00:00:00Z)");
            data.Add(provider, "truncated", "bad.csv");
        }

        return data;
    }

    [Theory, MemberData(nameof(BadFiles))]
    public async Task UpdateEpssAsync_BadFile_NamesFileAndLineAndChangesNothing(DatabaseProvider provider, string fault, string message)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider);
        await feeds.EpssAsync(Corpus.File(Head5));
        var before = await feeds.CountAsync();
        var bad = feeds.Write("bad.csv", Bad(fault));

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => feeds.EpssAsync(bad));

        Assert.StartsWith(message, error.Message.Replace(feeds.Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(before, await feeds.CountAsync());
        var status = await feeds.QueryAsync(q => q.ListStatusAsync(TestContext.Current.CancellationToken));
        Assert.Equal("2025-02-20", status.Single(s => s.Feed == "epss").Version);
        Assert.Single(feeds.Reprioritizer.Requests);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateEpssAsync_MissingFile_ThrowsFeedException(DatabaseProvider provider)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider);
        var missing = Path.Combine(feeds.Folder, "nope.csv");

        var error = await Assert.ThrowsAsync<FeedException>(() => feeds.EpssAsync(missing));

        Assert.Equal($"{missing}: no such file.", error.Message);
        Assert.Equal((0, 0, 0, 0), await feeds.CountAsync());
    }

    /// <summary>Files whose first rows are good and whose fault comes after them (rows 3 and 4 are valid).</summary>
    private static byte[] Bad(string fault)
    {
        const string Comment = "#model_version:v2025.03.14,score_date:2025-03-14T00:00:00Z";
        string[] good = ["CVE-2024-0001,0.1,0.2", "CVE-2024-0002,0.3,0.4"];
        string Lines(params string[] lines) => string.Join("\n", lines) + "\n";
        return fault switch
        {
            "duplicate" => Encoding.UTF8.GetBytes(Lines([Comment, "cve,epss,percentile", .. good, "CVE-2024-0003,0.1,0.2", "CVE-2024-0004,0.1,0.2", "CVE-2024-0001,0.5,0.5"])),
            "nan" => Encoding.UTF8.GetBytes(Lines([Comment, "cve,epss,percentile", .. good, "CVE-2024-0003,NaN,0.2"])),
            "header" => Encoding.UTF8.GetBytes(Lines([Comment, "cve,score,percentile", .. good])),
            "date" => Encoding.UTF8.GetBytes(Lines(["#model_version:v2025.03.14,score_date:2025-02-31", "cve,epss,percentile", .. good])),
            _ => Truncated(),
        };

        byte[] Truncated()
        {
            var rows = Enumerable.Range(1, 30_000).Select(i => $"CVE-2024-{i:D5},0.{i % 99_999:D5},0.5");
            var gzip = Gzip(Encoding.UTF8.GetBytes(Lines([Comment, "cve,epss,percentile", .. rows])));
            return gzip[..(gzip.Length * 3 / 4)];
        }
    }

    internal static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
