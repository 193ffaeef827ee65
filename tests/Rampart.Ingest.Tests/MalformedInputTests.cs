using System.Text;
using Rampart.Core.Findings;
using Rampart.Testing;

namespace Rampart.Ingest.Tests;

/// <summary>Broken or hostile input always ends in a <see cref="ReportFormatException"/> that names the file, never in partial success.</summary>
public sealed class MalformedInputTests
{
    [Theory]
    [InlineData("sarif/codeql-2.20.4_javascript.sarif")]
    [InlineData("cyclonedx/cdx-1.5_trivy-0.48.1.json")]
    [InlineData("trivy/k8s_cluster_resources.json")]
    public async Task ReadAsync_TruncatedReport_ThrowsWithLine(string file)
    {
        var bytes = await File.ReadAllBytesAsync(Corpus.File(file), TestContext.Current.CancellationToken);
        var half = bytes[..(bytes.Length / 2)];

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(half, "half.json"));

        Assert.Contains("half.json", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 1, $"a truncated file's error should give the line where it ends, got {error.Line}");
    }

    [Fact]
    public async Task ReadAsync_TruncatedReport_ReportsTheLastLine()
    {
        var text = """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"}},""" + "\n\"results\":[\n{\"ruleId\":\"R\",\"message\":{\"text\":\"m\"}},\n{\"ruleId\":";

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(text), "cut.sarif"));

        Assert.Equal(4, error.Line);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_Throws()
    {
        byte[] content = [.. Encoding.UTF8.GetBytes("""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}}}]}")];

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(content, "latin1.sarif"));

        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8AfterDetectionWindow_ThrowsWithPosition()
    {
        var head = Encoding.UTF8.GetBytes("""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"}},"results":[""" + string.Concat(Enumerable.Repeat("""{"message":{"text":"ok"}},""", 5000)));
        byte[] content = [.. head, .. Encoding.UTF8.GetBytes("""{"message":{"text":"bad """), 0xFF, .. Encoding.UTF8.GetBytes("\"}}]}]}")];

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(content, "late.sarif"));

        Assert.True(error.BytePosition == head.Length + 24, $"the invalid byte is at {head.Length + 24}, reported {error.BytePosition}");
    }

    [Fact]
    public async Task ReadAsync_ZeroBytes_SaysItIsEmpty()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync([], "empty.json"));

        Assert.Equal("empty.json: the file is empty; to record an empty scan, name the format (--format)", error.Message);
    }

    [Fact]
    public async Task ReadAsync_WhitespaceForcedAsSarif_SaysItIsEmpty()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync("  \n\n "u8.ToArray(), "blank.sarif", ReportFormat.Sarif));

        Assert.Equal("the file is empty", error.Reason);
    }

    [Fact]
    public async Task ReadAsync_HundredThousandOpenBrackets_ThrowsInsteadOfOverflowing()
    {
        var content = Encoding.ASCII.GetBytes(new string('[', 100_000));

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(content, "deep.json"));

        Assert.Contains("deep.json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportFormat.Sarif, """{"version":"2.1.0","runs":[{"tool":""")]
    [InlineData(ReportFormat.Sarif, """{"version":"2.1.0","runs":[],"junk":""")]
    [InlineData(ReportFormat.Trivy, """{"SchemaVersion":2,"Results":[{"Target":"t","Vulnerabilities":[""")]
    [InlineData(ReportFormat.CycloneDx, """{"bomFormat":"CycloneDX","components":[""")]
    public async Task ReadAsync_DeepNestingInsideReport_ThrowsDepthError(ReportFormat format, string head)
    {
        var content = Encoding.ASCII.GetBytes(head + new string('[', 100_000) + new string(']', 100_000));

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(content, "nested.json", format));

        Assert.Contains("depth", error.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReadAsync_TrivyForcedAsSarif_SaysNotSarif()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadCorpusAsync("trivy/schema2_image_alpine-310.json", ReportFormat.Sarif));

        Assert.Contains("not a valid Sarif 2.1.0 report", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SarifForcedAsTrivy_SaysNotTrivy()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadCorpusAsync("sarif/gosec.sarif", ReportFormat.Trivy));

        Assert.Contains("not a valid Trivy JSON report", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SarifForcedAsCycloneDx_SaysNotCycloneDx()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadCorpusAsync("sarif/bandit-1.9.3.sarif", ReportFormat.CycloneDx));

        Assert.Contains("not a valid CycloneDX JSON report", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnrelatedJson_IsNotRecognized()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync("""{"hello":1}"""u8.ToArray(), "hello.json"));

        Assert.Contains("not a recognized report format", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ContentAfterReport_Throws()
    {
        var content = """{"version":"2.1.0","runs":[]} {"more":1}"""u8.ToArray();

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(content, "two.sarif"));

        Assert.Contains("invalid JSON: there is content after the Sarif report", error.Reason, StringComparison.Ordinal);
        Assert.Equal((1, 30), (error.Line, error.BytePosition));
    }

    [Fact]
    public async Task ReadAsync_ResultsNotAnArray_ThrowsShapeError()
    {
        var content = """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"}},"results":{"ruleId":"R"}}]}"""u8.ToArray();

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(content, "shape.sarif"));

        Assert.Contains("runs[].results must be an array", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_LoneSurrogateEscape_KeepsReadingWithRawText()
    {
        var content = """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"}},"results":[{"ruleId":"R","message":{"text":"bad \uD800 text"}}]}]}"""u8.ToArray();

        var outcome = await ReportFile.ReadBytesAsync(content, "surrogate.sarif");

        Assert.Equal("bad \\uD800 text", Assert.Single(outcome.Findings).Message);
    }
}
