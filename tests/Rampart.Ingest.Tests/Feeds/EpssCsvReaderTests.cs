using Rampart.Testing;

namespace Rampart.Ingest.Tests.Feeds;

public sealed class EpssCsvReaderTests
{
    // Expected values counted independently with python3's csv module on the corpus files (rows after the two
    // preamble lines; the last row; the maximum epss).
    [Theory]
    [InlineData("epss/epss_2025-02-20_head5.csv", "v2023.03.01", "2025-02-20", 5, "CVE-1999-0005", 0.91963, 0.99214)]
    [InlineData("epss/epss_2026-09-29_first534rows.csv", "v2026.06.15", "2026-09-29", 534, "CVE-1999-0549", 0.0179, 0.77491)]
    public async Task ReadScoresAsync_CorpusFile_ReadsEveryRow(string path, string model, string date, int rows, string lastCve, double lastEpss, double lastPercentile)
    {
        var (summary, scores) = await EpssFiles.ReadAsync(await File.ReadAllBytesAsync(Corpus.File(path), TestContext.Current.CancellationToken), path);

        Assert.Equal(new EpssFileSummary(model, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), rows), summary);
        Assert.Equal(rows, scores.Count);
        Assert.Equal((lastCve, lastEpss, lastPercentile), (scores[^1].Cve, scores[^1].Epss, scores[^1].Percentile));
        Assert.All(scores, s => Assert.Equal(summary.ScoreDate, s.ScoreDate));
    }

    [Fact]
    public async Task ReadScoresAsync_GzippedCorpusFile_ReadsTheSameRowsAsPlain()
    {
        var plain = await File.ReadAllBytesAsync(Corpus.File("epss/epss_2026-09-29_first534rows.csv"), TestContext.Current.CancellationToken);

        var (_, fromPlain) = await EpssFiles.ReadAsync(plain, "plain.csv");
        var (summary, fromGzip) = await EpssFiles.ReadAsync(EpssFiles.Gzip(plain), "epss.csv.gz");

        Assert.Equal(534, summary.Rows);
        Assert.Equal(fromPlain.Select(s => (s.Cve, s.Epss, s.Percentile)), fromGzip.Select(s => (s.Cve, s.Epss, s.Percentile)));
    }

    [Fact]
    public async Task ReadScoresAsync_MaxEpssOfCorpusFile_IsCve1999_0016()
    {
        // python3: max(rows, key=epss) → CVE-1999-0016, 0.95739, 0.99871.
        var (_, scores) = await EpssFiles.ReadAsync(await File.ReadAllBytesAsync(Corpus.File("epss/epss_2026-09-29_first534rows.csv"), TestContext.Current.CancellationToken), "e.csv");

        var top = scores.MaxBy(s => s.Epss)!;

        Assert.Equal(("CVE-1999-0016", 0.95739, 0.99871), (top.Cve, top.Epss, top.Percentile));
    }

    [Fact]
    public async Task ReadScoresAsync_LowerCaseIdAndCrlf_NormalizesToUpperCase()
    {
        var content = System.Text.Encoding.UTF8.GetBytes(EpssFiles.Comment + "\r\ncve,epss,percentile\r\ncve-2024-3094,0.84,0.99\r\n");

        var (_, scores) = await EpssFiles.ReadAsync(content, "crlf.csv");

        Assert.Equal("CVE-2024-3094", Assert.Single(scores).Cve);
    }

    [Theory]
    [InlineData("#model_version:v2023.03.01,score_date:2025-02-20T00:00:00+0000", "2025-02-20")]
    [InlineData("#model_version:v2026.06.15,score_date:2026-09-29T12:00:22Z", "2026-09-29")]
    [InlineData("#score_date:2024-01-02,model_version:v2023.03.01", "2024-01-02")]
    public async Task OpenAsync_CommentLineStyles_TakeTheCalendarDate(string comment, string date)
    {
        var (summary, _) = await EpssFiles.ReadAsync(EpssFiles.Text(comment, "cve,epss,percentile", "CVE-2024-0001,0.1,0.2"), "c.csv");

        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), summary.ScoreDate);
    }
}
