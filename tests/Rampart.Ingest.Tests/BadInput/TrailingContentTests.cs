using System.Text;
using Rampart.Core.Findings;

namespace Rampart.Ingest.Tests.BadInput;

/// <summary>
/// Only JSON Lines reports (garak) hold several top-level values; a SARIF or Trivy report followed by anything is an
/// error that says there is content after the report, whether detection or the reader finds it.
/// </summary>
public sealed class TrailingContentTests
{
    private const string Sarif = """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"}},"results":[{"ruleId":"R","message":{"text":"m"}}]}]}""";

    [Theory]
    [InlineData(Sarif + "\n" + Sarif, 2)]
    [InlineData(Sarif + "\n[1]", 2)]
    [InlineData(Sarif + "\nnull", 2)]
    [InlineData(Sarif + " 42", 1)]
    [InlineData("""{"SchemaVersion":2,"Results":[]}""" + "\n\n{\"more\":1}", 3)]
    [InlineData("null\n{}", 2)]
    [InlineData("""[{"Target":"t"}]""" + "\n[]", 2)]
    public async Task ReadAsync_SecondValueAfterReport_SaysContentAfterReport(string content, int line)
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(content), "two.json"));

        Assert.Contains("there is content after the", error.Reason, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"two.json:{line} (byte ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\ngarbage", 2, 1)]
    [InlineData("}", 1, 0)]
    [InlineData(", ", 1, 0)]
    public async Task ReadAsync_GarbageAfterReport_SaysContentAfterReport(string junk, int line, int offset)
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(Sarif + junk), "junk.sarif"));

        Assert.StartsWith("invalid JSON: there is content after the report", error.Reason, StringComparison.Ordinal);
        Assert.Equal((line, Sarif.Length + offset), (error.Line, error.BytePosition));
    }

    [Theory]
    [InlineData(ReportFormat.Auto)]
    [InlineData(ReportFormat.Sarif)]
    public async Task ReadAsync_SecondValueBeyondDetectionWindow_SaysContentAfterReport(ReportFormat format)
    {
        var results = string.Join(',', Enumerable.Repeat("""{"ruleId":"R","message":{"text":"a result long enough to fill the window"}}""", 2000));
        var report = """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"}},"results":[""" + results + "]}]}";
        var content = Encoding.UTF8.GetBytes(report + "\n" + """{"version":"2.1.0","runs":[]}""");

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(content, "big.sarif", format));

        Assert.StartsWith("invalid JSON: there is content after the report", error.Reason, StringComparison.Ordinal);
        Assert.Equal((2L, (long)report.Length + 1), (error.Line, error.BytePosition));
    }

    [Fact]
    public void Detect_GarakJsonLines_IsStillGarak()
    {
        var jsonl = """{"entry_type":"start_run setup","_config.version":"0.9"}""" + "\n" + """{"entry_type":"init","garak_version":"0.9"}""" + "\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(jsonl));

        Assert.Equal(ReportFormat.Garak, ReportReaders.Detect(stream, "garak.report.jsonl"));
    }

    [Fact]
    public void Detect_JsonLinesWithoutGarakNames_IsNotRecognized()
    {
        using var stream = new MemoryStream("{\"a\":1}\n{\"a\":2}\n"u8.ToArray());

        var error = Assert.Throws<ReportFormatException>(() => ReportReaders.Detect(stream, "lines.jsonl"));

        Assert.Contains("not a recognized report format", error.Reason, StringComparison.Ordinal);
    }
}
