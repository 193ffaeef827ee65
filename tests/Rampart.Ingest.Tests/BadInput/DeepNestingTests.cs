using System.Text;
using Rampart.Core.Findings;

namespace Rampart.Ingest.Tests.BadInput;

/// <summary>
/// 10,000 levels of nesting end in a clear depth error (the JSON reader's limit is 256), never in a stack overflow,
/// wherever the nesting starts: at the top, inside a result that is materialized, inside a value that is skipped.
/// </summary>
public sealed class DeepNestingTests
{
    private const int Levels = 10_000;

    [Theory]
    [InlineData(ReportFormat.Auto, "")]
    [InlineData(ReportFormat.Sarif, """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"}},"results":[{"ruleId":"R","properties":{"x":""")]
    [InlineData(ReportFormat.Sarif, """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"}},"originalUriBaseIds":""")]
    [InlineData(ReportFormat.Trivy, """{"SchemaVersion":2,"Results":[{"Target":"t","Vulnerabilities":[{"VulnerabilityID":"CVE-1","X":""")]
    [InlineData(ReportFormat.GenericJson, """{"format":"rampart-generic","tool":{"name":"T"},"findings":[{"title":"a","severity":"low","tags":""")]
    [InlineData(ReportFormat.GenericJson, """{"format":"rampart-generic","tool":""")]
    public async Task ReadAsync_TenThousandLevels_ThrowsDepthError(ReportFormat format, string head)
    {
        var content = Encoding.ASCII.GetBytes(head + new string('[', Levels) + new string(']', Levels) + "}]}]}");

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(content, "deep.json", format));

        Assert.Contains("depth", error.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("deep.json:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_TenThousandObjectLevelsAfterDetectionWindow_ThrowsDepthError()
    {
        var head = """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"}},"results":[""" + string.Concat(Enumerable.Repeat("""{"message":{"text":"ok"}},""", 4000));
        var content = Encoding.ASCII.GetBytes(head + string.Concat(Enumerable.Repeat("""{"a":""", Levels)) + "1" + new string('}', Levels) + "]}]}");

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(content, "deep.sarif"));

        Assert.Contains("depth", error.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.True(error.BytePosition > 64 * 1024, $"the nesting starts after the 64 KB detection window, reported at byte {error.BytePosition}");
    }
}
