namespace Rampart.Ingest.Tests.Feeds;

/// <summary>Every bad EPSS file is refused with the file name and the line of the fault.</summary>
public sealed class EpssBadInputTests
{
    [Theory]
    [InlineData("CVE-2024-0001,NaN,0.5", 3, "is not a number from 0 to 1")]
    [InlineData("CVE-2024-0001,1.5,0.5", 3, "is not a number from 0 to 1")]
    [InlineData("CVE-2024-0001,0.5,-0.1", 3, "is not a number from 0 to 1")]
    [InlineData("CVE-2024-0001,Infinity,0.5", 3, "is not a number from 0 to 1")]
    [InlineData("CVE-2024-0001,,0.5", 3, "is not a number from 0 to 1")]
    [InlineData("CVE-24-0001,0.5,0.5", 3, "is not a CVE id")]
    [InlineData("GHSA-abcd-efgh-ijkl,0.5,0.5", 3, "is not a CVE id")]
    [InlineData("CVE-2024-0001,0.5", 3, "expected three values")]
    [InlineData("CVE-2024-0001,0.5,0.5,0.5", 3, "expected three values")]
    public async Task ReadScoresAsync_BadRow_NamesFileAndLine(string row, int line, string reason)
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => EpssFiles.ReadAsync(EpssFiles.Rows(row), "bad.csv"));

        Assert.Equal(("bad.csv", (long?)line), (error.FileName, error.Line));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadScoresAsync_DuplicateCve_NamesTheSecondLine()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() =>
            EpssFiles.ReadAsync(EpssFiles.Rows("CVE-2024-0001,0.1,0.2", "CVE-2024-0002,0.1,0.2", "cve-2024-0001,0.3,0.4"), "dup.csv"));

        Assert.Equal(5, error.Line);
        Assert.Equal("dup.csv:5: CVE-2024-0001 appears twice in the file", error.Message);
    }

    [Theory]
    [InlineData("cve,epss", "the header is \"cve,epss\"")]
    [InlineData("cve,percentile,epss", "the header is \"cve,percentile,epss\"")]
    public async Task OpenAsync_WrongHeader_NamesLine2(string header, string reason)
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() =>
            EpssFiles.ReadAsync(EpssFiles.Text(EpssFiles.Comment, header, "CVE-2024-0001,0.1,0.2"), "h.csv"));

        Assert.Equal(2, error.Line);
        Assert.StartsWith(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NoCommentLine_IsRefused()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() =>
            EpssFiles.ReadAsync(EpssFiles.Text("cve,epss,percentile", "CVE-2024-0001,0.1,0.2"), "nocomment.csv"));

        Assert.Equal(1, error.Line);
        Assert.Contains("score date cannot be known", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#model_version:v2025.03.14,score_date:2025-02-30T00:00:00Z", "score_date \"2025-02-30T00:00:00Z\" is not a date")]
    [InlineData("#model_version:v2025.03.14,score_date:yesterday", "score_date \"yesterday\" is not a date")]
    [InlineData("#model_version:v2025.03.14", "the comment line has no score_date")]
    [InlineData("#score_date:2025-03-14", "the comment line has no model_version")]
    public async Task OpenAsync_BadCommentLine_NamesLine1(string comment, string reason)
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() =>
            EpssFiles.ReadAsync(EpssFiles.Text(comment, "cve,epss,percentile", "CVE-2024-0001,0.1,0.2"), "d.csv"));

        Assert.Equal(1, error.Line);
        Assert.StartsWith(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadScoresAsync_TruncatedGzip_IsRefusedNotShortened()
    {
        var rows = Enumerable.Range(1, 20_000).Select(i => $"CVE-2024-{i:D5},0.{i % 99_999:D5},0.5").ToArray();
        var gzip = EpssFiles.Gzip(EpssFiles.Rows(rows));

        // Cut inside the deflate data, and cut only the 8-byte trailer: .NET's GZipStream ends quietly on both.
        foreach (var cut in new[] { gzip[..(gzip.Length / 2)], gzip[..^8] })
        {
            var error = await Assert.ThrowsAsync<ReportFormatException>(() => EpssFiles.ReadAsync(cut, "cut.csv.gz"));

            Assert.Equal("cut.csv.gz", error.FileName);
            Assert.Contains("gzip data is truncated or corrupt", error.Reason, StringComparison.Ordinal);
            Assert.NotNull(error.Line);
        }
    }

    [Fact]
    public async Task ReadScoresAsync_HeaderOnly_IsRefused()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => EpssFiles.ReadAsync(EpssFiles.Rows(), "empty.csv"));

        Assert.Equal("the file has a header but no scores", error.Reason);
    }

    [Fact]
    public async Task OpenAsync_EmptyFile_IsRefused()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => EpssFiles.ReadAsync([], "zero.csv"));

        Assert.Equal(("zero.csv", (long?)1), (error.FileName, error.Line));
    }

    [Fact]
    public async Task ReadScoresAsync_HugeLine_IsRefusedWithItsLine()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() =>
            EpssFiles.ReadAsync(EpssFiles.Rows("CVE-2024-0001,0.1,0.2", "CVE-2024-0002," + new string('1', 100_000)), "long.csv"));

        Assert.Equal(4, error.Line);
        Assert.Contains("longer than", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadScoresAsync_InvalidUtf8_NamesTheLine()
    {
        byte[] content = [.. EpssFiles.Rows("CVE-2024-0001,0.1,0.2"), 0xC3, 0x28, .. "\n"u8];

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => EpssFiles.ReadAsync(content, "latin.csv"));

        Assert.Equal("the file is not valid UTF-8", error.Reason);
    }
}
